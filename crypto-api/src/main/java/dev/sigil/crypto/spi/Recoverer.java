package dev.sigil.crypto.spi;

import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.Scheme;
import java.util.Set;

/**
 * A backend's public-key recovery: secp256k1 ECDSA's (r, s, v) and digest give back the key that signed (Ethereum's
 * {@code ecrecover}).
 *
 * <p>Supports: the schemes in {@link #recoverableSchemes()} (only {@link Scheme#ECDSA_SECP256K1} is recoverable),
 * under every {@link dev.sigil.crypto.RuleSet} (ranges and the low-S rule are preset when the batch is built).
 *
 * <p>Guarantee: {@link #recover} gives one outcome per item, in order; preset items keep their preset outcome; for
 * every pending item exactly the outcome and the point of the CPU reference (Bouncy Castle,
 * {@link dev.sigil.crypto.EcArithmetic#recoverPublicKey}): {@code VALID} with Q = r⁻¹(s·R − e·G), R = (r, y) with y of
 * the item's parity, or {@code INVALID} when r is not the abscissa of a point or Q is infinity. A signature that
 * recovers nothing is an outcome, never an exception. A {@link BackendException} means the backend itself failed:
 * no outcome is given and the caller may run the whole batch elsewhere.
 *
 * <p>Thread-safe: any number of threads may recover at once.
 */
public interface Recoverer {

    /** The schemes this recoverer recovers; fixed for the backend's life. */
    Set<Scheme> recoverableSchemes();

    /**
     * Recovers every pending item of the batch.
     *
     * @throws BackendException when the backend cannot do the work
     */
    RecoveredKeys recover(RecoverBatch batch);
}
