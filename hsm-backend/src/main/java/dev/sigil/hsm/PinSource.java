package dev.sigil.hsm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the token's user PIN comes from: an environment variable ({@code env:NAME}) or a file ({@code file:/path},
 * one trailing line break ignored). The PIN is read each time the backend logs in and never kept; literal PINs in
 * the configuration are refused. {@link #toString()} names the source, never the PIN.
 */
public sealed interface PinSource permits PinSource.Env, PinSource.File {

    /**
     * Parses a reference. The message of the exception never contains the value (it may be a literal PIN).
     *
     * @throws IllegalArgumentException for anything but {@code env:NAME} or {@code file:/path}
     */
    static PinSource parse(String field, String reference) {
        if (reference.startsWith("env:") && reference.length() > 4) {
            String name = reference.substring(4);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException(field + ": env: must name an environment variable");
            }
            return new Env(name);
        }
        if (reference.startsWith("file:") && reference.length() > 5) {
            return new File(Path.of(reference.substring(5)));
        }
        throw new IllegalArgumentException(field + " must be env:NAME or file:/path; a literal PIN in the "
                + "configuration is refused (its value is not shown)");
    }

    /**
     * The PIN as UTF-8 bytes; the caller overwrites them after use.
     *
     * @throws IllegalStateException when the variable is unset or the file unreadable (the message names the
     *     source only)
     */
    byte[] read();

    /** {@code env:NAME}. */
    record Env(String name) implements PinSource {
        @Override
        public byte[] read() {
            String value = System.getenv(name);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("the PIN environment variable " + name + " is not set");
            }
            return value.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "env:" + name;
        }
    }

    /** {@code file:/path}. */
    record File(Path path) implements PinSource {
        @Override
        public byte[] read() {
            byte[] raw;
            try {
                raw = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read the PIN file " + path + " ("
                        + e.getClass().getSimpleName() + ")");
            }
            int end = raw.length;
            if (end > 0 && raw[end - 1] == '\n') {
                end--;
            }
            if (end > 0 && raw[end - 1] == '\r') {
                end--;
            }
            byte[] pin = Arrays.copyOf(raw, end);
            Arrays.fill(raw, (byte) 0);
            if (pin.length == 0) {
                throw new IllegalStateException("the PIN file " + path + " is empty");
            }
            return pin;
        }

        @Override
        public String toString() {
            return "file:" + path;
        }
    }

    /** Overwrites a PIN buffer. */
    static void wipe(byte[] pin) {
        Arrays.fill(pin, (byte) 0);
    }
}
