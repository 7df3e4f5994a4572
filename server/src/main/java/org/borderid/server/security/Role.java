package org.borderid.server.security;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What an API key may do. Each key has exactly one role; a route names the roles it admits.
 */
public enum Role implements RouteRole {
    /** A checkpoint kiosk: {@code POST /v1/verify} and {@code POST /v1/identify}. */
    KIOSK,
    /** A watchlist administrator: enrollment, replacement, deletion, listing and bulk import of subjects. */
    ADMIN,
    /** An auditor: reads the audit log. */
    AUDITOR;

    /** The lower-case name used in files, on the command line and in JSON ({@code kiosk}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code kiosk}, {@code admin} or {@code auditor} (case-insensitive). */
    public static Role parse(String name) {
        for (Role r : values()) {
            if (r.id().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (expected kiosk, admin or auditor)");
    }
}
