package dev.sigil.service.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a secret comes from: {@code env:NAME} (an environment variable) or {@code file:/path} (the file's content
 * without trailing newlines). The secret itself never appears in the configuration, a log or an exception.
 */
public record SecretRef(String kind, String target) {

    public static SecretRef parse(String field, String ref) {
        if (ref.startsWith("env:") && ref.length() > 4) {
            return new SecretRef("env", ref.substring(4));
        }
        if (ref.startsWith("file:") && ref.length() > 5) {
            return new SecretRef("file", ref.substring(5));
        }
        throw new ConfigException(field + ": must be env:NAME or file:/path");
    }

    /** Reads the secret. */
    public char[] resolve(Map<String, String> env) {
        String value;
        if (kind.equals("env")) {
            value = env.get(target);
            if (value == null || value.isEmpty()) {
                throw new ConfigException("environment variable " + target + " is not set");
            }
        } else {
            try {
                value = Files.readString(Path.of(target), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new ConfigException("cannot read secret file " + target + ": " + e.getClass().getSimpleName());
            }
            if (value.isEmpty()) {
                throw new ConfigException("secret file " + target + " is empty");
            }
        }
        return value.toCharArray();
    }

    @Override
    public String toString() {
        return kind + ":" + target;
    }
}
