package dev.sigil.hsm;

import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.pkcs11.ObjectHandle;

/**
 * A key pair found or made in the token: its id (the label), public key, and the handle of its private key as found
 * in session generation {@code generation} (see {@link SessionPool#generation()}).
 */
record KeyEntry(String keyId, PublicKey publicKey, ObjectHandle privateKey, long generation) {

    KeyEntry withHandle(ObjectHandle handle, long newGeneration) {
        return new KeyEntry(keyId, publicKey, handle, newGeneration);
    }

    SigningKey.Token token() {
        return new SigningKey.Token(keyId, publicKey, HsmBackend.ID);
    }
}
