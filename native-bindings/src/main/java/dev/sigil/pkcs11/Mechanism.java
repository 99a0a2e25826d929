package dev.sigil.pkcs11;

/** A mechanism ({@code CK_MECHANISM}): its type and optional parameter bytes. */
public record Mechanism(long type, byte[] parameter) {

    public Mechanism {
        parameter = parameter == null ? null : parameter.clone();
    }

    /** A mechanism without parameter. */
    public static Mechanism of(long type) {
        return new Mechanism(type, null);
    }

    @Override
    public byte[] parameter() {
        return parameter == null ? null : parameter.clone();
    }

    @Override
    public String toString() {
        return "mechanism 0x" + Long.toHexString(type);
    }
}
