package dev.sigil.crypto;

/** What a backend can do with a scheme. */
public enum Operation {
    VERIFY("verify"),
    SIGN("sign");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
