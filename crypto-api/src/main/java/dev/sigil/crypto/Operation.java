package dev.sigil.crypto;

/** What a backend can do with a scheme. */
public enum Operation {
    VERIFY("verify"),
    SIGN("sign"),
    /** secp256k1 public-key recovery from (r, s, v) and a digest (Ethereum's {@code ecrecover}). */
    RECOVER("recover");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
