package dev.sigil.pkcs11;

/** A PKCS #11 slot id ({@code CK_SLOT_ID}). */
public record SlotId(long value) {
    @Override
    public String toString() {
        return "slot " + Long.toUnsignedString(value);
    }
}
