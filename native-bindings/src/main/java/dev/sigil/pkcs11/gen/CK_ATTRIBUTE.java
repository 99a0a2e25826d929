// Written by hand in the shape jextract (JDK 22+) gives for pkcs11.h (OASIS PKCS #11 v2.40 errata 01, with the
// CK_INTERFACE / C_GetInterface additions of v3.0), Linux x86-64 and aarch64 (LP64: CK_ULONG is 64 bits, no packing).
// Not generated: headers and symbols are in native-bindings/jextract/; regenerate.sh compares with jextract's output.

package dev.sigil.pkcs11.gen;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * struct CK_ATTRIBUTE {
 *     CK_ULONG type;
 *     void * pValue;
 *     CK_ULONG ulValueLen;
 * }
 * }
 */
public final class CK_ATTRIBUTE {

    private CK_ATTRIBUTE() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_LONG.withName("type"),
        pkcs11_h.C_POINTER.withName("pValue"),
        pkcs11_h.C_LONG.withName("ulValueLen")
    ).withName("CK_ATTRIBUTE");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    /** The size of this struct in bytes. */
    public static long sizeof() {
        return $LAYOUT.byteSize();
    }

    /** Allocates one struct in the arena. */
    public static MemorySegment allocate(Arena arena) {
        return arena.allocate($LAYOUT);
    }

    /** Allocates an array of {@code count} structs in the arena. */
    public static MemorySegment allocateArray(long count, Arena arena) {
        return arena.allocate(MemoryLayout.sequenceLayout(count, $LAYOUT));
    }

    /** The element at {@code index} of an array of these structs. */
    public static MemorySegment asSlice(MemorySegment array, long index) {
        return array.asSlice($LAYOUT.byteSize() * index, $LAYOUT.byteSize());
    }

    /** Reinterprets a pointer as one struct. */
    public static MemorySegment reinterpret(MemorySegment addr) {
        return addr.reinterpret($LAYOUT.byteSize());
    }

    private static final OfLong type$LAYOUT = (OfLong) $LAYOUT.select(groupElement("type"));
    private static final long type$OFFSET = $LAYOUT.byteOffset(groupElement("type"));

    /** Getter for field {@code type}. */
    public static long type(MemorySegment struct) {
        return struct.get(type$LAYOUT, type$OFFSET);
    }

    /** Setter for field {@code type}. */
    public static void type(MemorySegment struct, long fieldValue) {
        struct.set(type$LAYOUT, type$OFFSET, fieldValue);
    }

    private static final AddressLayout pValue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("pValue"));
    private static final long pValue$OFFSET = $LAYOUT.byteOffset(groupElement("pValue"));

    /** Getter for field {@code pValue}. */
    public static MemorySegment pValue(MemorySegment struct) {
        return struct.get(pValue$LAYOUT, pValue$OFFSET);
    }

    /** Setter for field {@code pValue}. */
    public static void pValue(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pValue$LAYOUT, pValue$OFFSET, fieldValue);
    }

    private static final OfLong ulValueLen$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulValueLen"));
    private static final long ulValueLen$OFFSET = $LAYOUT.byteOffset(groupElement("ulValueLen"));

    /** Getter for field {@code ulValueLen}. */
    public static long ulValueLen(MemorySegment struct) {
        return struct.get(ulValueLen$LAYOUT, ulValueLen$OFFSET);
    }

    /** Setter for field {@code ulValueLen}. */
    public static void ulValueLen(MemorySegment struct, long fieldValue) {
        struct.set(ulValueLen$LAYOUT, ulValueLen$OFFSET, fieldValue);
    }
}
