package dev.sigil.service.auth;

import java.util.Arrays;
import java.util.Optional;

/** What a bearer token may do. */
public enum Role {
    VERIFY("verify"),
    SIGN("sign"),
    ADMIN("admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
