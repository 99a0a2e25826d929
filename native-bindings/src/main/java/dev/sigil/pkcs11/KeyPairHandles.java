package dev.sigil.pkcs11;

/** The two objects {@code C_GenerateKeyPair} made. */
public record KeyPairHandles(ObjectHandle publicKey, ObjectHandle privateKey) {
}
