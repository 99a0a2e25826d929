package dev.sigil.service.sign;

/** One thing to sign: exactly one of message and digest (bytes), and an optional SM2 user id. */
public record SignItem(byte[] message, byte[] digest, byte[] userId) {
}
