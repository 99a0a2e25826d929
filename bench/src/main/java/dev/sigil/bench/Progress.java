package dev.sigil.bench;

import java.io.PrintStream;
import java.util.Locale;

/** One line per step on stderr, stamped with the seconds since the run began. */
final class Progress {
    private final PrintStream err;
    private final long start = System.nanoTime();

    Progress(PrintStream err) {
        this.err = err;
    }

    void step(String format, Object... args) {
        double s = (System.nanoTime() - start) / 1e9;
        err.printf(Locale.ROOT, "[%7.1fs] %s%n", s, String.format(Locale.ROOT, format, args));
        err.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
