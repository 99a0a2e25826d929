package dev.sigil.crypto.spi;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A place where signatures are verified or made: the CPU, an OpenCL device, a PKCS#11 token.
 *
 * <p>Contract: for every scheme and rule set it {@link #supports}, {@link #verify} gives exactly the outcome of the
 * CPU reference backend on every item. Bad signatures are outcomes; a {@link BackendException} means the backend
 * itself failed (device lost, token gone) and the caller may re-run the work elsewhere. Implementations are
 * thread-safe.
 */
public interface Backend extends AutoCloseable {

    /** Short stable id, e.g. {@code cpu}, {@code opencl}, {@code hsm}. */
    String id();

    BackendKind kind();

    /** Human-readable device description (CPU model and cores, OpenCL device name, token label). */
    String device();

    /** True when this backend can perform the operation for the scheme. */
    boolean supports(Scheme scheme, Operation operation);

    /** The schemes supported for an operation. */
    default Set<Scheme> schemes(Operation operation) {
        Set<Scheme> out = EnumSet.noneOf(Scheme.class);
        for (Scheme s : Scheme.values()) {
            if (supports(s, operation)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Verifies every pending item of the batch and returns one outcome per item, in order (preset items keep their
     * preset outcome). The caller checks {@link #supports} first.
     *
     * @throws BackendException when the backend cannot do the work
     */
    Outcome[] verify(VerifyBatch batch);

    /**
     * Signs each input with the key: for ECDSA the 32-byte digest, for SM2 the 32-byte e = SM3(Z_A ‖ M), for Ed25519
     * the message. ECDSA results are low-S. The caller checks {@link #supports} with {@link Operation#SIGN} and that
     * the key is one this backend holds ({@link #canSignWith}).
     *
     * @throws BackendException when the backend cannot do the work
     */
    List<RawSignature> sign(SigningKey key, List<byte[]> inputs);

    /** True when this backend can sign with the key (a software key, or a key held in this backend's token). */
    default boolean canSignWith(SigningKey key) {
        return supports(key.scheme(), Operation.SIGN) && key instanceof SigningKey.Software;
    }

    /** Keys held inside this backend (an HSM token), if it holds any. */
    default Optional<TokenKeys> tokenKeys() {
        return Optional.empty();
    }

    /** A cheap health check (device still present, token usable); never logs in to a token. */
    default boolean isHealthy() {
        return true;
    }

    /**
     * Why this backend is not healthy, in words an operator can act on (never a secret), or empty when it is. As
     * cheap as {@link #isHealthy()}, and like it never logs in to a token or changes what the backend holds.
     */
    default Optional<String> healthProblem() {
        return isHealthy() ? Optional.empty() : Optional.of("the health check failed");
    }

    /** Releases devices, sessions and native memory. Idempotent. */
    @Override
    void close();
}
