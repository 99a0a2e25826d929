package dev.sigil.crypto;

import java.util.Arrays;
import java.util.Optional;

/** The signature schemes of the API contract, each named by its wire word. */
public enum Scheme {
    ECDSA_SECP256K1("ecdsa-secp256k1", Curve.SECP256K1),
    ECDSA_P256("ecdsa-p256", Curve.P256),
    SM2("sm2", Curve.SM2P256V1),
    ED25519("ed25519", null),
    /** BIP-340 Schnorr over secp256k1 (Bitcoin Taproot): 32-byte x-only keys, 64-byte signatures, any message. */
    SCHNORR_SECP256K1("schnorr-secp256k1", Curve.SECP256K1);

    private final String wireName;
    private final Curve curve;

    Scheme(String wireName, Curve curve) {
        this.wireName = wireName;
        this.curve = curve;
    }

    /** The name used on the wire, e.g. {@code ecdsa-p256}. */
    public String wireName() {
        return wireName;
    }

    /** The short Weierstrass curve of an ECDSA, SM2 or BIP-340 scheme; empty for Ed25519. */
    public Optional<Curve> curve() {
        return Optional.ofNullable(curve);
    }

    /** The curve of an ECDSA, SM2 or BIP-340 scheme. */
    public Curve requireCurve() {
        if (curve == null) {
            throw new IllegalStateException(wireName + " is not a short Weierstrass scheme");
        }
        return curve;
    }

    /** True for the two ECDSA schemes. */
    public boolean isEcdsa() {
        return this == ECDSA_SECP256K1 || this == ECDSA_P256;
    }

    /**
     * True for the schemes that verify (r, s) pairs over a digest with SEC1 keys: ECDSA and SM2. BIP-340 Schnorr is on
     * a Weierstrass curve too but is none of these: x-only keys, (R.x, s) over the message itself.
     */
    public boolean isWeierstrass() {
        return isEcdsa() || this == SM2;
    }

    /** True for BIP-340 Schnorr over secp256k1. */
    public boolean isSchnorr() {
        return this == SCHNORR_SECP256K1;
    }

    /** Finds a scheme by its wire name. */
    public static Optional<Scheme> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
