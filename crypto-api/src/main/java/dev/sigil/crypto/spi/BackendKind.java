package dev.sigil.crypto.spi;

/** What kind of hardware a backend drives. */
public enum BackendKind {
    CPU("cpu"),
    GPU("gpu"),
    HSM("hsm"),
    TEST("test");

    private final String wireName;

    BackendKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
