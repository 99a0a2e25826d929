package dev.sigil.crypto.spi;

import java.util.Arrays;

/**
 * Private key bytes, fenced: {@link #toString()} is redacted, there is no equals on content, and the bytes come out
 * only through {@link #reveal(Access)} with an explicit {@link Access} naming who reads them. Callers should
 * {@link #destroy()} copies they no longer need.
 */
public final class PrivateKeyMaterial {
    private final byte[] bytes;
    private volatile boolean destroyed;

    private PrivateKeyMaterial(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Takes a copy of the scalar bytes (ECDSA, SM2 and BIP-340: 32-byte big-endian d; Ed25519: the 32-byte seed). */
    public static PrivateKeyMaterial of(byte[] bytes) {
        return new PrivateKeyMaterial(bytes.clone());
    }

    /** A copy of the bytes, for the named reader. */
    public byte[] reveal(Access access) {
        java.util.Objects.requireNonNull(access, "access");
        if (destroyed) {
            throw new IllegalStateException("private key material was destroyed");
        }
        return bytes.clone();
    }

    public int length() {
        return bytes.length;
    }

    /** Overwrites the bytes. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
        destroyed = true;
    }

    @Override
    public String toString() {
        return "PrivateKeyMaterial[redacted]";
    }

    /** Names who reads private key bytes; makes every read visible in the code. */
    public record Access(String reader) {
        public Access {
            if (reader == null || reader.isBlank()) {
                throw new IllegalArgumentException("an access names its reader");
            }
        }
    }
}
