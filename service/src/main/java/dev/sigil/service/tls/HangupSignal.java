package dev.sigil.service.tls;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * SIGHUP, shared by every server of the process: the handler is installed once and calls each registered listener.
 * Once installed it stays, so a SIGHUP after the last server stopped does nothing (instead of ending the process).
 */
final class HangupSignal {
    private static final Logger LOG = Logger.getLogger(HangupSignal.class.getName());
    private static final Set<Runnable> LISTENERS = new CopyOnWriteArraySet<>();
    private static boolean installed;

    private HangupSignal() {
    }

    /** Calls the listener on each SIGHUP until the returned handle is closed. */
    static synchronized AutoCloseable register(Runnable listener) {
        if (!installed) {
            try {
                Signal.handle(new Signal("HUP"), signal -> {
                    LOG.info("TLS: SIGHUP received (" + LISTENERS.size() + " server(s) reload)");
                    LISTENERS.forEach(HangupSignal::call);
                });
                installed = true;
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.warning("TLS: SIGHUP cannot be handled in this JVM (" + e.getMessage()
                        + "); certificates are reloaded when their files change only");
            }
        }
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }

    /** Calls one listener; one that fails (a server whose event loop has closed) never keeps the others from it. */
    private static void call(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.warning("TLS: a SIGHUP listener failed: " + e.getClass().getSimpleName());
        }
    }

    /** True once this process reloads on SIGHUP. */
    static synchronized boolean installed() {
        return installed;
    }
}
