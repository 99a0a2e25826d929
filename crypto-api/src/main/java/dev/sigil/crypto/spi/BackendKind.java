package dev.sigil.crypto.spi;

/**
 * What kind of hardware a backend drives, as its device reports it: backends of kind {@link #CPU} run on the host's
 * own cores and share them.
 */
public enum BackendKind {
    /** The host's cores: the CPU backend, and an OpenCL CPU device such as PoCL. */
    CPU("cpu"),
    /** A GPU or another OpenCL accelerator. */
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
