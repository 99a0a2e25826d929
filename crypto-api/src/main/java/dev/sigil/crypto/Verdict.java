package dev.sigil.crypto;

/** The three result words of the contract. */
public enum Verdict {
    VALID("valid"),
    INVALID("invalid"),
    MALFORMED("malformed");

    private final String wireName;

    Verdict(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
