package dev.sigil.pkcs11;

/** A PKCS #11 session handle ({@code CK_SESSION_HANDLE}). */
public record SessionHandle(long value) {
    @Override
    public String toString() {
        return "session " + Long.toUnsignedString(value);
    }
}
