package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Times each backend at start, off the request path: per scheme it verifies, a known-answer batch once untimed
 * (class loading, kernel compilation), then batches of 1 and of N items twice each, which gives the cost model its
 * fixed and per-item parts. A backend that fails here, or answers wrongly, is taken out of rotation until a probe
 * brings it back.
 */
final class Calibrator {
    private static final Logger LOG = Logger.getLogger(Calibrator.class.getName());
    /** Items in the large calibration batch: enough to use every CPU thread; more for devices that want more. */
    static final int CPU_ITEMS = 128;
    static final int DEVICE_ITEMS = 512;
    private static final int ROUNDS = 2;

    private final Fleet fleet;
    private final Supplier<KnownAnswers> answers;

    Calibrator(Fleet fleet, Supplier<KnownAnswers> answers) {
        this.fleet = fleet;
        this.answers = answers;
    }

    void run() {
        KnownAnswers ka = answers.get();
        for (Member m : fleet.members()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                calibrate(m, ka);
            } catch (BackendException e) {
                fleet.failed(m, Operation.VERIFY, e);
            }
        }
    }

    private void calibrate(Member m, KnownAnswers ka) {
        int n = m.backend().kind() == BackendKind.CPU ? CPU_ITEMS : DEVICE_ITEMS;
        for (Scheme scheme : m.backend().schemes(Operation.VERIFY)) {
            if (!ka.matches(scheme, m.backend().verify(ka.batch(scheme)))) {
                fleet.failed(m, Operation.VERIFY, new BackendException.DeviceFailure(m.id(),
                        "wrong answer on the known-answer batch of " + scheme, null));
                return;
            }
            for (int round = 0; round < ROUNDS; round++) {
                m.verify(ka.tiled(scheme, 1));
                m.verify(ka.tiled(scheme, n));
            }
            CostEstimate c = m.cost(Operation.VERIFY, scheme);
            LOG.fine(() -> "calibrated " + m.id() + " " + scheme + ": fixed " + Math.round(c.fixedNanos() / 1e3)
                    + " µs, " + Math.round(c.itemsPerSecond()) + " items/s");
        }
    }
}
