package dev.sigil.crypto.spi;

import java.util.HexFormat;

/**
 * A signature as a backend makes it: 64 bytes (ECDSA and SM2: r ‖ s big-endian, ECDSA low-S; Ed25519: R ‖ S), and
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

    public RawSignature withRecoveryId(int id) {
        return new RawSignature(bytes, id);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes) + (recoveryId >= 0 ? "/" + recoveryId : "");
    }
}
