package org.borderid.server.security;

import java.util.Objects;

/**
 * A newly created API key: the only moment its secret exists outside the caller. Print it once; the store keeps a
 * salted hash only.
 *
 * @param keyId  the public id
 * @param role   the role
 * @param secret the full key to hand to the client ({@code bidk_<id>_<secret>})
 */
public record IssuedKey(String keyId, Role role, String secret) {
    public IssuedKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedKey[" + keyId + ", " + role.id() + "]"; // never the secret
    }
}
