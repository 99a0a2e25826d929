package dev.sigil.crypto;

/**
 * A parsed, checked, immutable public key. Instances come only from {@link #parse(Scheme, byte[])}: an
 * {@link EcPublicKey} is a point of its curve (not infinity), an {@link Ed25519PublicKey} is a canonical encoding
 * of a curve point.
 */
public sealed interface PublicKey permits EcPublicKey, Ed25519PublicKey {

    /** The scheme this key belongs to. */
    Scheme scheme();

    /** The encoding the key was parsed from (SEC1 compressed or uncompressed, or Ed25519's 32 bytes). */
    byte[] encoded();

    /**
     * Parses a public key for a scheme.
     *
     * @throws MalformedInputException {@link ProblemCode#MALFORMED_PUBLIC_KEY} for a wrong length or an unknown or
     *     hybrid prefix, {@link ProblemCode#INVALID_PUBLIC_KEY} for a point that is not on the curve
     */
    static PublicKey parse(Scheme scheme, byte[] encoded) {
        return scheme == Scheme.ED25519
                ? Ed25519PublicKey.parse(encoded)
                : EcPublicKey.parse(scheme, encoded);
    }
}
