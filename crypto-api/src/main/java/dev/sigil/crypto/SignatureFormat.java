package dev.sigil.crypto;

import java.util.Arrays;
import java.util.Optional;

/** How an ECDSA or SM2 signature is encoded on the wire. Ed25519 signatures are always 64 raw bytes. */
public enum SignatureFormat {
    /** ASN.1 DER {@code SEQUENCE { INTEGER r, INTEGER s }}, strict. */
    DER("der"),
    /** r ‖ s, 32 bytes each, big-endian. */
    RAW("raw"),
    /**
     * r ‖ s ‖ v, 65 bytes: what secp256k1 signing returns (v in {0, 1}) and public-key recovery takes (v in {0, 1, 27,
     * 28}).
     */
    RAW_RECOVERABLE("raw-recoverable");

    private final String wireName;

    SignatureFormat(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<SignatureFormat> fromWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }
}
