package dev.sigil.pkcs11;

/** What {@code C_GetTokenInfo} says about a token; strings are trimmed of their blank padding. */
public record TokenInfo(String label, String manufacturerId, String model, String serialNumber, long flags) {
}
