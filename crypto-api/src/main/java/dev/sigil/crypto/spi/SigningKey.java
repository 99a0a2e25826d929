package dev.sigil.crypto.spi;

import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;

/** A key that can sign: software key material, or a handle to a key that never leaves a token. */
public sealed interface SigningKey permits SigningKey.Software, SigningKey.Token {

    String keyId();

    PublicKey publicKey();

    default Scheme scheme() {
        return publicKey().scheme();
    }

    /** A key whose private part is held in this process (fenced: see {@link PrivateKeyMaterial}). */
    record Software(String keyId, PublicKey publicKey, PrivateKeyMaterial privateKey) implements SigningKey {
        @Override
        public String toString() {
            return "SoftwareKey[" + keyId + ", " + publicKey.scheme() + "]";
        }
    }

    /** A key held by the token of the backend {@code backendId}; only that backend can sign with it. */
    record Token(String keyId, PublicKey publicKey, String backendId) implements SigningKey {
    }
}
