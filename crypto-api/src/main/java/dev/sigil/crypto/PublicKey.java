package dev.sigil.crypto;

/**
 * A parsed, checked, immutable public key. Instances come only from {@link #parse(Scheme, byte[])}: an
 * {@link EcPublicKey} is a point of its curve (not infinity), an {@link Ed25519PublicKey} is a canonical encoding
 * of a curve point, an {@link XOnlyPublicKey} is 32 bytes that BIP-340 lifts to a point or, when it cannot, makes
 * every signature under the key fail ({@code invalid}, not {@code malformed}).
 */
public sealed interface PublicKey permits EcPublicKey, Ed25519PublicKey, XOnlyPublicKey {

    /** The scheme this key belongs to. */
    Scheme scheme();

    /** The encoding the key was parsed from (SEC1 compressed or uncompressed, or Ed25519's 32 bytes). */
    byte[] encoded();

    /**
     * Parses a public key for a scheme.
     *
     * @throws MalformedInputException {@link ProblemCode#MALFORMED_PUBLIC_KEY} for a wrong length or an unknown or
     *     hybrid prefix, {@link ProblemCode#INVALID_PUBLIC_KEY} for a point that is not on the curve (never for an
     *     x-only key: see {@link XOnlyPublicKey#isLiftable()})
     */
    static PublicKey parse(Scheme scheme, byte[] encoded) {
        return switch (scheme) {
            case ED25519 -> Ed25519PublicKey.parse(encoded);
            case SCHNORR_SECP256K1 -> XOnlyPublicKey.parse(encoded);
            default -> EcPublicKey.parse(scheme, encoded);
        };
    }
}
