package dev.sigil.service.auth;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Who a bearer token is: its name, roles, and the key-id patterns it may sign with (empty: every key). */
public record Principal(String name, Set<Role> roles, List<Pattern> keyPatterns) {

    public Principal {
        roles = Set.copyOf(roles);
        keyPatterns = List.copyOf(keyPatterns);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** True when the token holds {@code sign} and one of its patterns (or no pattern at all) matches the key id. */
    public boolean maySignWith(String keyId) {
        return has(Role.SIGN) && (keyPatterns.isEmpty()
                || keyPatterns.stream().anyMatch(p -> p.matcher(keyId).matches()));
    }

    /** Compiles a key-id glob: {@code *} any run of characters, {@code ?} one character, the rest literal. */
    public static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
