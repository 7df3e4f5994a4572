package org.borderid.server.security;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@code borderid keys list} shows about a key: never its secret or hash.
 *
 * @param keyId   the public id
 * @param role    the role
 * @param label   free text given at creation (who or what holds the key), may be empty
 * @param created when the key was created
 * @param revoked when it was revoked, or {@code null} while active
 */
public record ApiKeyInfo(String keyId, Role role, String label, Instant created, Instant revoked) {
    public ApiKeyInfo {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(created, "created");
    }

    public boolean active() {
        return revoked == null;
    }
}
