package org.borderid.server.security;

import java.util.Objects;

/**
 * Who made a request: the API key's public id (never the key itself) and its role.
 *
 * @param keyId the key's public id, as shown by {@code borderid keys list} and written to the audit log
 * @param role  the key's role
 */
public record Principal(String keyId, Role role) {
    public Principal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
    }
}
