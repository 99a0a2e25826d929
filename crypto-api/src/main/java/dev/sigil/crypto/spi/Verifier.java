package dev.sigil.crypto.spi;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.util.Set;

/**
 * A backend's verification.
 *
 * <p>Supports: every scheme in {@link #verifiableSchemes()}, under every {@link dev.sigil.crypto.RuleSet} (what a rule
 * set decides without curve arithmetic, such as high S or out-of-range scalars, is preset when the batch is built).
 *
 * <p>Guarantee: {@link #verify} gives one outcome per item, in order, and for every pending item exactly the outcome
 * of the CPU reference (Bouncy Castle); preset items keep their preset outcome. A bad signature is an outcome, never
 * an exception. A {@link BackendException} means the backend itself failed (device lost, token gone): none of the
 * batch's outcomes are given and the caller may run the whole batch elsewhere. A batch of a scheme not in
 * {@link #verifiableSchemes()} is a caller bug ({@link IllegalArgumentException}).
 *
 * <p>Thread-safe: any number of threads may verify at once.
 */
public interface Verifier {

    /** The schemes this verifier verifies; fixed for the backend's life. */
    Set<Scheme> verifiableSchemes();

    /**
     * Verifies every pending item of the batch.
     *
     * @throws BackendException when the backend cannot do the work
     */
    Outcome[] verify(VerifyBatch batch);

    /**
     * Items of the scheme that this verifier's device left undecided and that were then decided on the host by the
     * reference implementation, since the verifier was created (for example Ed25519 items whose kernel result has a
     * small-order remainder). An accelerator reports them so that its throughput is not taken for the device's own;
     * a verifier that decides every item in one place has none.
     */
    default long hostDecidedItems(Scheme scheme) {
        return 0;
    }
}
