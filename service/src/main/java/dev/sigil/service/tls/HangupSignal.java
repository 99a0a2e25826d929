package dev.sigil.service.tls;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP, shared by every server of the process: the handler is installed once and calls each registered listener.
 * Once installed it stays, so a SIGHUP after the last server stopped does nothing (instead of ending the process).
 */
final class HangupSignal {
    private static final Logger LOG = Logger.getLogger(HangupSignal.class.getName());
    private static final Set<Runnable> LISTENERS = new CopyOnWriteArraySet<>();
    private static boolean tried;
    private static boolean installed;
    private static boolean ignored;

    private HangupSignal() {
    }

    /** Calls the listener on each SIGHUP until the returned handle is closed. */
    static synchronized AutoCloseable register(Runnable listener) {
        if (!tried) {
            tried = true;
            try {
                SignalHandler before = Signal.handle(new Signal("HUP"), signal -> {
                    LOG.info("TLS: SIGHUP received (" + LISTENERS.size() + " server(s) reload)");
                    LISTENERS.forEach(HangupSignal::call);
                });
                // a process started with SIGHUP ignored (nohup) keeps ignoring it: the JVM installs no handler then
                ignored = before == SignalHandler.SIG_IGN;
                installed = !ignored;
                if (ignored) {
                    LOG.warning("TLS: SIGHUP is ignored by this process (started under nohup?); certificates are "
                            + "reloaded when their files change only");
                }
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

    /** True when the process ignores SIGHUP (started under nohup): no handler could be installed. */
    static synchronized boolean ignored() {
        return ignored;
    }

    /** True once this process reloads on SIGHUP. */
    static synchronized boolean installed() {
        return installed;
    }
}
