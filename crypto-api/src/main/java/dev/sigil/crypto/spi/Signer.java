package dev.sigil.crypto.spi;

import dev.sigil.crypto.Scheme;
import java.util.List;
import java.util.Set;

/**
 * A backend's signing.
 *
 * <p>Supports: the schemes in {@link #signableSchemes()}, with the keys {@link #canSignWith} accepts (software keys,
 * or the keys held in this backend's token). Inputs: for ECDSA the 32-byte digest, for SM2 the 32-byte
 * e = SM3(Z_A ‖ M), for Ed25519 and BIP-340 the message (of any length).
 *
 * <p>Guarantee: one {@link RawSignature} per input, in order, each of which the CPU reference verifies under the key;
 * ECDSA signatures are low-S, and secp256k1 ones carry their recovery id when the backend knows it (else -1). A
 * {@link BackendException.KeyFailure} is about the key (gone from the token, refused); any other
 * {@link BackendException} means the backend itself failed and the caller may sign elsewhere. A key this signer cannot
 * use or an input of the wrong length is a caller bug ({@link IllegalArgumentException}).
 *
 * <p>Thread-safe: any number of threads may sign at once.
 */
public interface Signer {

    /** The schemes this signer signs; fixed for the backend's life. */
    Set<Scheme> signableSchemes();

    /** True when this signer can sign with the key: by default, a software key of a signable scheme. */
    default boolean canSignWith(SigningKey key) {
        return key instanceof SigningKey.Software && signableSchemes().contains(key.scheme());
    }

    /**
     * Signs each input with the key.
     *
     * @throws BackendException when the backend cannot do the work
     */
    List<RawSignature> sign(SigningKey key, List<byte[]> inputs);
}
