package dev.sigil.service.auth;

import java.util.List;
import java.util.Set;

/**
 * A bearer token as configured: a name for logs and metrics, the SHA-256 of the token (never the token), its roles
 * and, for {@code sign}, the key-id glob patterns it may sign with (empty: every key).
 */
public record TokenConfig(String name, byte[] sha256, Set<Role> roles, List<String> keys) {
    public TokenConfig {
        sha256 = sha256.clone();
        roles = Set.copyOf(roles);
        keys = List.copyOf(keys);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public String toString() {
        return "Token[" + name + ", " + roles + ", " + keys + "]";
    }
}
