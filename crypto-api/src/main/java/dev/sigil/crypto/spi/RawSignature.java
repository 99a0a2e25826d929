package dev.sigil.crypto.spi;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Scheme;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A signature as a backend makes it: 64 bytes (ECDSA and SM2: r ‖ s big-endian, ECDSA low-S; Ed25519: R ‖ S;
 * BIP-340: R.x ‖ s), and
 * for secp256k1 the recovery id (0 or 1) when the backend knows it, else -1.
 */
public record RawSignature(byte[] bytes, int recoveryId) {

    public RawSignature {
        if (bytes.length != 64) {
            throw new IllegalArgumentException("a raw signature is 64 bytes");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * An ECDSA signature as a {@link Signer} returns it: low-S, with the secp256k1 recovery id (-1 when R.x &ge; n).
     * Empty when a secp256k1 signature does not verify under the key (computing the id checks it).
     */
    public static Optional<RawSignature> ecdsa(EcPublicKey key, byte[] digest, EcSignature sig) {
        EcSignature low = sig.normalizedLowS(key.curve());
        int v = key.scheme() == Scheme.ECDSA_SECP256K1 ? EcArithmetic.recoveryId(key, digest, low) : -1;
        return v == EcArithmetic.NOT_VALID ? Optional.empty() : Optional.of(new RawSignature(low.toRaw(), v));
    }

    public RawSignature withRecoveryId(int id) {
        return new RawSignature(bytes, id);
    }

    /** This ECDSA signature with s replaced by n - s and the recovery id flipped when s is high. */
    public RawSignature lowS(Curve curve) {
        EcSignature sig = EcSignature.fromRaw(bytes);
        return sig.isHighS(curve)
                ? new RawSignature(sig.normalizedLowS(curve).toRaw(), recoveryId < 0 ? recoveryId : recoveryId ^ 1)
                : this;
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes) + (recoveryId >= 0 ? "/" + recoveryId : "");
    }
}
