package dev.sigil.crypto;

/**
 * One verification item as it arrives, in bytes (hex already decoded). Exactly one of {@code message} and
 * {@code digest} should be non-null; {@code format} defaults to DER; {@code userId} (SM2 only) to the GM/T default.
 */
public record EncodedItem(byte[] publicKey, byte[] message, byte[] digest, byte[] signature,
        SignatureFormat format, byte[] userId) {

    /** An item over a message, DER signature, default user ID. */
    public static EncodedItem ofMessage(byte[] publicKey, byte[] message, byte[] signature) {
        return new EncodedItem(publicKey, message, null, signature, null, null);
    }

    /** An item over a precomputed digest, DER signature. */
    public static EncodedItem ofDigest(byte[] publicKey, byte[] digest, byte[] signature) {
        return new EncodedItem(publicKey, null, digest, signature, null, null);
    }

    public EncodedItem withFormat(SignatureFormat f) {
        return new EncodedItem(publicKey, message, digest, signature, f, userId);
    }

    public EncodedItem withUserId(byte[] id) {
        return new EncodedItem(publicKey, message, digest, signature, format, id);
    }
}
