package dev.sigil.service;

import java.nio.file.Path;
import java.util.Optional;

/** The flags of {@code sigil serve}. */
record CommandLine(Optional<String> host, Optional<Integer> port, Optional<Path> config, Path dataDir,
        boolean help) {

    static CommandLine parse(String[] args) {
        Optional<String> host = Optional.empty();
        Optional<Integer> port = Optional.empty();
        Optional<Path> config = Optional.empty();
        Path dataDir = Path.of("data");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("-h") || flag.equals("--help")) {
                return new CommandLine(host, port, config, dataDir, true);
            }
            String value = flag.contains("=") ? flag.substring(flag.indexOf('=') + 1) : null;
            String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value\n" + Main.USAGE);
                }
                value = args[++i];
            }
            switch (name) {
                case "--host" -> host = Optional.of(value);
                case "--port" -> port = Optional.of(port(value));
                case "--config" -> config = Optional.of(Path.of(value));
                case "--data-dir" -> dataDir = Path.of(value);
                default -> throw new IllegalArgumentException("unknown flag " + name + "\n" + Main.USAGE);
            }
        }
        return new CommandLine(host, port, config, dataDir, false);
    }

    private static int port(String value) {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, got " + value);
    }
}
