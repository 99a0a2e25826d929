// Written by hand in the shape jextract (JDK 22+) gives for pkcs11.h (OASIS PKCS #11 v2.40 errata 01, with the
// CK_INTERFACE / C_GetInterface additions of v3.0), Linux x86-64 and aarch64 (LP64: CK_ULONG is 64 bits, no packing).
// Not generated: headers and symbols are in native-bindings/jextract/; regenerate.sh compares with jextract's output.

package dev.sigil.pkcs11.gen;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfLong;

/**
 * {@snippet lang=c :
 * struct CK_MECHANISM_INFO {
 *     CK_ULONG ulMinKeySize;
 *     CK_ULONG ulMaxKeySize;
 *     CK_ULONG flags;
 * }
 * }
 */
public final class CK_MECHANISM_INFO {

    private CK_MECHANISM_INFO() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_LONG.withName("ulMinKeySize"),
        pkcs11_h.C_LONG.withName("ulMaxKeySize"),
        pkcs11_h.C_LONG.withName("flags")
    ).withName("CK_MECHANISM_INFO");

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

    private static final OfLong ulMinKeySize$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulMinKeySize"));
    private static final long ulMinKeySize$OFFSET = $LAYOUT.byteOffset(groupElement("ulMinKeySize"));

    /** Getter for field {@code ulMinKeySize}. */
    public static long ulMinKeySize(MemorySegment struct) {
        return struct.get(ulMinKeySize$LAYOUT, ulMinKeySize$OFFSET);
    }

    /** Setter for field {@code ulMinKeySize}. */
    public static void ulMinKeySize(MemorySegment struct, long fieldValue) {
        struct.set(ulMinKeySize$LAYOUT, ulMinKeySize$OFFSET, fieldValue);
    }

    private static final OfLong ulMaxKeySize$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulMaxKeySize"));
    private static final long ulMaxKeySize$OFFSET = $LAYOUT.byteOffset(groupElement("ulMaxKeySize"));

    /** Getter for field {@code ulMaxKeySize}. */
    public static long ulMaxKeySize(MemorySegment struct) {
        return struct.get(ulMaxKeySize$LAYOUT, ulMaxKeySize$OFFSET);
    }

    /** Setter for field {@code ulMaxKeySize}. */
    public static void ulMaxKeySize(MemorySegment struct, long fieldValue) {
        struct.set(ulMaxKeySize$LAYOUT, ulMaxKeySize$OFFSET, fieldValue);
    }

    private static final OfLong flags$LAYOUT = (OfLong) $LAYOUT.select(groupElement("flags"));
    private static final long flags$OFFSET = $LAYOUT.byteOffset(groupElement("flags"));

    /** Getter for field {@code flags}. */
    public static long flags(MemorySegment struct) {
        return struct.get(flags$LAYOUT, flags$OFFSET);
    }

    /** Setter for field {@code flags}. */
    public static void flags(MemorySegment struct, long fieldValue) {
        struct.set(flags$LAYOUT, flags$OFFSET, fieldValue);
    }
}
