package dev.sigil.service;

import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.service.config.ConfigException;
import dev.sigil.service.config.ConfigLoader;
import dev.sigil.service.config.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/** {@code sigil serve [--host H] [--port P] [--config FILE] [--data-dir DIR]}. */
public final class Main {
    static final String USAGE = "usage: sigil serve [--host HOST] [--port PORT] [--config FILE] [--data-dir DIR]";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        }
        Logger log = Logger.getLogger(Main.class.getName());
        SigilServer server;
        try {
            CommandLine cli = CommandLine.parse(args);
            if (cli.help()) {
                System.out.println(USAGE);
                return;
            }
            ServiceConfig config = cli.config().map(ConfigLoader::load).orElseGet(ServiceConfig::defaults);
            config = config.withServer(config.server().withAddress(cli.host().orElse(config.server().host()),
                    cli.port().orElse(config.server().port())));
            server = SigilServer.start(config, cli.dataDir(), System.getenv(), providers());
        } catch (ConfigException | IllegalArgumentException e) {
            System.err.println("sigil: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            System.err.println("sigil: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        log.info("serving on " + (server.tls() ? "https" : "http") + "://" + server.host() + ":" + server.port());
        CountDownLatch stopped = new CountDownLatch(1);
        SigilServer running = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // The logging system resets itself in its own shutdown hook, so these lines go to stderr directly.
            System.err.println(java.time.Instant.now() + " INFO sigil: stopping: answering accepted requests");
            running.stop();
            System.err.println(java.time.Instant.now() + " INFO sigil: stopped");
            stopped.countDown();
        }, "sigil-shutdown"));
        stopped.await();
    }

    static List<BackendProvider> providers() {
        List<BackendProvider> out = new ArrayList<>();
        var it = ServiceLoader.load(BackendProvider.class).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError e) {
                Logger.getLogger(Main.class.getName()).warning("a backend provider cannot be loaded: "
                        + e.getMessage());
            }
        }
        return out;
    }
}
