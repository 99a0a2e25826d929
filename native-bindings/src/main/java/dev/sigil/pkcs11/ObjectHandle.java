package dev.sigil.pkcs11;

/** A PKCS #11 object handle ({@code CK_OBJECT_HANDLE}): a key or other object inside the token. */
public record ObjectHandle(long value) {
    @Override
    public String toString() {
        return "object " + Long.toUnsignedString(value);
    }
}
