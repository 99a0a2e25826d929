package dev.sigil.service.routing;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.service.config.RoutingConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** One CPU backend and one pool of signed items for every routing test of this JVM; and small helpers. */
final class Shared {
    private static CpuBackend cpu;
    private static TestItems items;

    private Shared() {
    }

    static synchronized CpuBackend cpu() {
        if (cpu == null) {
            cpu = new CpuBackend(2);
        }
        return cpu;
    }

    static synchronized TestItems items() {
        if (items == null) {
            items = TestItems.create(cpu(), 16, 42);
        }
        return items;
    }

    /** A router without start-up calibration, so that tests decide the speeds. */
    static Router.Builder uncalibrated(Backend... backends) {
        return Router.builder(List.of(backends)).config(RoutingConfig.defaults().withCalibrate(false)
                .withProbeIntervalMs(3_600_000));
    }

    /** The items whose routed outcome differs from the CPU backend's, described. */
    static List<String> differences(VerifyBatch batch, Outcome[] routed) {
        Outcome[] expected = cpu().verify(batch);
        List<String> out = new ArrayList<>();
        if (routed.length != expected.length) {
            out.add("expected " + expected.length + " outcomes, got " + routed.length);
            return out;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!expected[i].equals(routed[i])) {
                out.add(batch.scheme() + "/" + batch.rules() + " item " + i + ": cpu " + expected[i] + ", routed "
                        + routed[i]);
            }
        }
        return out;
    }

    /** Problems with the parts of a routed batch: they must tile [0, size) in order. */
    static List<String> partProblems(Router.Routed routed, int size) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (Router.Part p : routed.parts()) {
            if (p.from() != at || p.to() < p.from()) {
                out.add("part " + p + " does not start at " + at);
            }
            at = p.to();
        }
        if (at != size && !(routed.parts().isEmpty() && Arrays.stream(routed.outcomes()).allMatch(o -> o != null))) {
            out.add("parts end at " + at + " of " + size);
        }
        return out;
    }

    /** Waits until the condition holds; false when it did not within the time. */
    static boolean eventually(long millis, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(5);
        }
        return condition.getAsBoolean();
    }
}
