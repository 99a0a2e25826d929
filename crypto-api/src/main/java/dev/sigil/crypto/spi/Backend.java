package dev.sigil.crypto.spi;

import java.util.Optional;

/**
 * A place where signatures are verified or made: the CPU, an OpenCL device, a PKCS#11 token. A backend is an
 * identity and a set of capabilities: it offers a {@link Verifier}, a {@link Signer} and {@link TokenKeys} when it has
 * them, a {@link Recoverer} likewise, and an empty {@link Optional} for what it lacks (never a method that throws). What a backend offers is fixed
 * when it is created. A new capability is a new interface and a new method here defaulting to empty, so existing
 * backends and callers are untouched. Implementations are thread-safe.
 */
public interface Backend extends AutoCloseable {

    /** Short stable id, e.g. {@code cpu}, {@code opencl}, {@code hsm}. */
    String id();

    BackendKind kind();

    /** Human-readable device description (CPU model and cores, OpenCL device name, token label). */
    String device();

    /**
     * True when one batch keeps every compute unit of the backend's device busy by itself (an OpenCL device spreads a
     * batch over all of its units); the router then never runs a batch of another backend beside it on hardware the
     * two share. False (the default) when concurrent calls share the device a core each, as the CPU backend's do.
     */
    default boolean batchFillsDevice() {
        return false;
    }

    /** Verification, if this backend verifies. */
    default Optional<Verifier> verifier() {
        return Optional.empty();
    }

    /** Signing, if this backend signs. */
    default Optional<Signer> signer() {
        return Optional.empty();
    }

    /** Public-key recovery (secp256k1), if this backend recovers. */
    default Optional<Recoverer> recoverer() {
        return Optional.empty();
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
