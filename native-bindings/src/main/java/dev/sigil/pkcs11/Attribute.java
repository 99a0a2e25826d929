package dev.sigil.pkcs11;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** An attribute ({@code CK_ATTRIBUTE}) of a template: its type and value bytes in the module's native layout. */
public record Attribute(long type, byte[] value) {

    public Attribute {
        value = value.clone();
    }

    public static Attribute of(long type, byte[] value) {
        return new Attribute(type, value);
    }

    /** A {@code CK_BBOOL} attribute. */
    public static Attribute of(long type, boolean value) {
        return new Attribute(type, new byte[] {(byte) (value ? 1 : 0)});
    }

    /** A {@code CK_ULONG} attribute (native byte order, 64 bits). */
    public static Attribute of(long type, long value) {
        return new Attribute(type,
                ByteBuffer.allocate(Long.BYTES).order(ByteOrder.nativeOrder()).putLong(value).array());
    }

    /** A UTF-8 string attribute such as {@code CKA_LABEL}. */
    public static Attribute of(long type, String value) {
        return new Attribute(type, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The value read as a {@code CK_ULONG}. */
    public static long asLong(byte[] value) {
        if (value.length != Long.BYTES) {
            throw new IllegalArgumentException("a CK_ULONG attribute is 8 bytes, got " + value.length);
        }
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getLong();
    }

    @Override
    public String toString() {
        return "attribute 0x" + Long.toHexString(type) + " (" + value.length + " bytes)";
    }
}
