package dev.sigil.crypto;

/**
 * One verification item as it arrives, in bytes (hex already decoded). Exactly one of {@code publicKey} and
 * {@code certificate} (a DER X.509 certificate whose key is used, see {@link CertificateKeys}) should be non-null,
 * and exactly one of {@code message} and {@code digest}; {@code format} defaults to DER; {@code userId} (SM2 only)
 * to the GM/T default.
 */
public record EncodedItem(byte[] publicKey, byte[] message, byte[] digest, byte[] signature,
        SignatureFormat format, byte[] userId, byte[] certificate) {

    /** An item whose key is given as bytes. */
    public EncodedItem(byte[] publicKey, byte[] message, byte[] digest, byte[] signature, SignatureFormat format,
            byte[] userId) {
        this(publicKey, message, digest, signature, format, userId, null);
    }

    /** An item over a message, DER signature, default user ID. */
    public static EncodedItem ofMessage(byte[] publicKey, byte[] message, byte[] signature) {
        return new EncodedItem(publicKey, message, null, signature, null, null);
    }

    /** An item over a precomputed digest, DER signature. */
    public static EncodedItem ofDigest(byte[] publicKey, byte[] digest, byte[] signature) {
        return new EncodedItem(publicKey, null, digest, signature, null, null);
    }

    public EncodedItem withFormat(SignatureFormat f) {
        return new EncodedItem(publicKey, message, digest, signature, f, userId, certificate);
    }

    public EncodedItem withUserId(byte[] id) {
        return new EncodedItem(publicKey, message, digest, signature, format, id, certificate);
    }

    /** The same item with its key given by a certificate instead of bytes. */
    public EncodedItem withCertificate(byte[] der) {
        return new EncodedItem(null, message, digest, signature, format, userId, der);
    }
}
