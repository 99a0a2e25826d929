// Written by hand in the shape jextract (JDK 22+) gives for pkcs11.h (OASIS PKCS #11 v2.40 errata 01, with the
// CK_INTERFACE / C_GetInterface additions of v3.0), Linux x86-64 and aarch64 (LP64: CK_ULONG is 64 bits, no packing).
// Not generated: headers and symbols are in native-bindings/jextract/; regenerate.sh compares with jextract's output.

package dev.sigil.pkcs11.gen;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.Arena;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout.OfByte;

/**
 * {@snippet lang=c :
 * struct CK_VERSION {
 *     CK_BYTE major;
 *     CK_BYTE minor;
 * }
 * }
 */
public final class CK_VERSION {

    private CK_VERSION() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_CHAR.withName("major"),
        pkcs11_h.C_CHAR.withName("minor")
    ).withName("CK_VERSION");

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

    private static final OfByte major$LAYOUT = (OfByte) $LAYOUT.select(groupElement("major"));
    private static final long major$OFFSET = $LAYOUT.byteOffset(groupElement("major"));

    /** Getter for field {@code major}. */
    public static byte major(MemorySegment struct) {
        return struct.get(major$LAYOUT, major$OFFSET);
    }

    /** Setter for field {@code major}. */
    public static void major(MemorySegment struct, byte fieldValue) {
        struct.set(major$LAYOUT, major$OFFSET, fieldValue);
    }

    private static final OfByte minor$LAYOUT = (OfByte) $LAYOUT.select(groupElement("minor"));
    private static final long minor$OFFSET = $LAYOUT.byteOffset(groupElement("minor"));

    /** Getter for field {@code minor}. */
    public static byte minor(MemorySegment struct) {
        return struct.get(minor$LAYOUT, minor$OFFSET);
    }

    /** Setter for field {@code minor}. */
    public static void minor(MemorySegment struct, byte fieldValue) {
        struct.set(minor$LAYOUT, minor$OFFSET, fieldValue);
    }
}
