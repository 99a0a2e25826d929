package dev.sigil.crypto;

/** Stable codes for why one item is {@code malformed}; they appear as {@code problems[].code} on the wire. */
public enum ProblemCode {
    /** A field that must be hex is not (odd length, a non-hex character, a {@code 0x} prefix). */
    MALFORMED_HEX("malformed-hex"),
    /** The scheme is missing or not one of the contract's schemes. */
    UNKNOWN_SCHEME("unknown-scheme"),
    /** The public key has the wrong length or an unknown or hybrid SEC1 prefix. */
    MALFORMED_PUBLIC_KEY("malformed-public-key"),
    /** The public key is well-formed but not a point of the curve (or is the point at infinity). */
    INVALID_PUBLIC_KEY("invalid-public-key"),
    /** The signature is not strict DER, not 64 raw bytes, or of the wrong length for the scheme. */
    MALFORMED_SIGNATURE("malformed-signature"),
    /** The signature format is not one of {@code der}, {@code raw}, or not allowed for the scheme. */
    UNSUPPORTED_SIGNATURE_FORMAT("unsupported-signature-format"),
    /** The digest has the wrong length, or a digest was given where the scheme takes only a message. */
    MALFORMED_DIGEST("malformed-digest"),
    /** Both {@code message} and {@code digest}, or neither, were given. */
    MESSAGE_OR_DIGEST("message-or-digest"),
    /** A {@code userId} was given for a scheme other than SM2, or is too long. */
    MALFORMED_USER_ID("malformed-user-id"),
    /** The item is not a JSON object, or a field has the wrong JSON type, or a required field is missing. */
    MALFORMED_ITEM("malformed-item"),
    /** The {@code certificate} is not one DER-encoded X.509 certificate. */
    MALFORMED_CERTIFICATE("malformed-certificate"),
    /** The certificate's key is of another algorithm or curve than the item's scheme. */
    CERTIFICATE_KEY_MISMATCH("certificate-key-mismatch");

    private final String code;

    ProblemCode(String code) {
        this.code = code;
    }

    /** The kebab-case word used on the wire. */
    public String code() {
        return code;
    }
}
