package dev.sigil.crypto.spi;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a backend provider is given: its own section of the service configuration (already parsed from YAML, may be
 * empty), the data directory, and the number of worker threads it may use.
 */
public record BackendContext(Map<String, Object> settings, Path dataDir, int threads) {

    public BackendContext {
        settings = Map.copyOf(settings);
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
    }

    /** A context with no settings, the current directory and one thread per core. */
    public static BackendContext defaults() {
        return new BackendContext(Map.of(), Path.of("."), Runtime.getRuntime().availableProcessors());
    }

    public Optional<Object> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    public Optional<String> string(String name) {
        return setting(name).map(Object::toString);
    }

    public boolean flag(String name, boolean fallback) {
        return setting(name).map(v -> v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString()))
                .orElse(fallback);
    }

    public int integer(String name, int fallback) {
        return setting(name).map(v -> v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString()))
                .orElse(fallback);
    }

    public BackendContext withSettings(Map<String, Object> newSettings) {
        return new BackendContext(newSettings, dataDir, threads);
    }
}
