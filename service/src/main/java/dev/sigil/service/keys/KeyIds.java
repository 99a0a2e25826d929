package dev.sigil.service.keys;

import java.util.regex.Pattern;

/**
 * Key ids: {@code [A-Za-z0-9._-]{1,64}}, except {@code .} and {@code ..}, which name directories in a path (and
 * cannot be reached as {@code /v1/keys/{keyId}}: clients and proxies normalise them away).
 */
final class KeyIds {
    static final String RULE = "a key id matches [A-Za-z0-9._-]{1,64} and is not . or ..";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private KeyIds() {
    }

    static boolean isValid(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches() && !keyId.equals(".") && !keyId.equals("..");
    }
}
