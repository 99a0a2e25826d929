package dev.sigil.service.tls;

import dev.sigil.service.config.TlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Reloads the TLS files on SIGHUP and, every {@code server.tls.reloadCheckSeconds}, when their content changed.
 * New settings go to new connections only ({@code HttpServer.updateSSLOptions}); open connections keep theirs. A
 * file that cannot be used (for example a key written before its certificate) is logged and the previous settings
 * stay; the next change is tried again.
 */
final class TlsReloader implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TlsReloader.class.getName());

    private final Vertx vertx;
    private final HttpServer http;
    private final TlsSetup setup;
    private final List<Path> watched;
    private final long timer;
    private final AutoCloseable hangup;
    private String stamp;

    private TlsReloader(Vertx vertx, HttpServer http, TlsConfig config, TlsSetup setup) {
        this.vertx = vertx;
        this.http = http;
        this.setup = setup;
        this.watched = watched(config);
        this.stamp = stamp(watched);
        this.timer = config.reloadCheckSeconds() == 0 ? -1 : vertx.setPeriodic(
                TimeUnit.SECONDS.toMillis(config.reloadCheckSeconds()),
                id -> vertx.executeBlocking(() -> {
                    checkFiles();
                    return null;
                }, false));
        this.hangup = HangupSignal.register(() -> vertx.executeBlocking(() -> reload("SIGHUP"), false));
    }

    static TlsReloader start(Vertx vertx, HttpServer http, TlsConfig config, TlsSetup setup) {
        return new TlsReloader(vertx, http, config, setup);
    }

    private static List<Path> watched(TlsConfig c) {
        List<Path> out = new ArrayList<>();
        c.certFile().ifPresent(out::add);
        c.keyFile().ifPresent(out::add);
        c.pkcs12File().ifPresent(out::add);
        c.clientCaFile().ifPresent(out::add);
        c.password().filter(p -> p.kind().equals("file")).ifPresent(p -> out.add(Path.of(p.target())));
        return List.copyOf(out);
    }

    /** The SHA-256 of every watched file's content (or of its absence), together. */
    private static String stamp(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                try {
                    sha.update(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
                } catch (NoSuchFileException e) {
                    sha.update(new byte[32]);
                } catch (IOException e) {
                    sha.update(new byte[] {1});
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    private void checkFiles() {
        String now = stamp(watched);
        boolean changed;
        synchronized (this) {
            changed = !now.equals(stamp);
        }
        if (changed) {
            reload("a file changed");
        }
    }

    /** Loads the files and hands them to the server; true when the server took them. */
    synchronized boolean reload(String why) {
        stamp = stamp(watched);
        TlsSetup.Loaded loaded;
        try {
            loaded = setup.loadAgain();
        } catch (RuntimeException e) {
            LOG.warning("TLS: reload (" + why + ") failed, still serving the previous certificate: " + e.getMessage());
            return false;
        }
        try {
            http.updateSSLOptions(loaded.options(), true).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            LOG.warning("TLS: the server did not take the reloaded files (" + why + "): " + e.getMessage());
            return false;
        }
        setup.taken(loaded);
        LOG.info("TLS: reloaded (" + why + "); new connections get " + loaded.describe());
        return true;
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        try {
            hangup.close();
        } catch (Exception e) {
            LOG.fine("SIGHUP listener not removed: " + e.getMessage());
        }
    }
}
