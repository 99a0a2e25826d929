package dev.sigil.crypto.spi;

import java.util.function.Predicate;

/**
 * A setting a backend reads from its section {@code backends.<id>} of the service configuration. The service starts
 * only when every setting given there is declared by the backend's provider and {@link #accepts} its value.
 *
 * @param type what a value must be, for messages and docs ("an integer in [1, 4096]")
 */
public record BackendSetting(String name, String type, Predicate<Object> accepts, String doc) {

    /** A whole number in {@code [min, max]}. */
    public static BackendSetting integer(String name, int min, int max, String doc) {
        return new BackendSetting(name, "an integer in [" + min + ", " + max + "]",
                v -> v instanceof Integer i && i >= min && i <= max, doc);
    }

    /** {@code true} or {@code false}. */
    public static BackendSetting flag(String name, String doc) {
        return new BackendSetting(name, "true or false", v -> v instanceof Boolean, doc);
    }

    /** A string that is not blank. */
    public static BackendSetting text(String name, String doc) {
        return new BackendSetting(name, "a non-empty string", v -> v instanceof String s && !s.isBlank(), doc);
    }
}
