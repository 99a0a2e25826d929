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
 * struct CK_INFO {
 *     CK_VERSION cryptokiVersion;
 *     CK_UTF8CHAR manufacturerID[32];
 *     CK_ULONG flags;
 *     CK_UTF8CHAR libraryDescription[32];
 *     CK_VERSION libraryVersion;
 * }
 * }
 */
public final class CK_INFO {

    private CK_INFO() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        CK_VERSION.layout().withName("cryptokiVersion"),
        MemoryLayout.sequenceLayout(32, pkcs11_h.C_CHAR).withName("manufacturerID"),
        MemoryLayout.paddingLayout(6),
        pkcs11_h.C_LONG.withName("flags"),
        MemoryLayout.sequenceLayout(32, pkcs11_h.C_CHAR).withName("libraryDescription"),
        CK_VERSION.layout().withName("libraryVersion"),
        MemoryLayout.paddingLayout(6)
    ).withName("CK_INFO");

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

    private static final long cryptokiVersion$OFFSET = $LAYOUT.byteOffset(groupElement("cryptokiVersion"));
    private static final long cryptokiVersion$SIZE = $LAYOUT.select(groupElement("cryptokiVersion")).byteSize();

    /** Getter for field {@code cryptokiVersion}: a slice of the struct. */
    public static MemorySegment cryptokiVersion(MemorySegment struct) {
        return struct.asSlice(cryptokiVersion$OFFSET, cryptokiVersion$SIZE);
    }

    private static final long manufacturerID$OFFSET = $LAYOUT.byteOffset(groupElement("manufacturerID"));
    private static final long manufacturerID$SIZE = $LAYOUT.select(groupElement("manufacturerID")).byteSize();

    /** Getter for field {@code manufacturerID}: a slice of the struct. */
    public static MemorySegment manufacturerID(MemorySegment struct) {
        return struct.asSlice(manufacturerID$OFFSET, manufacturerID$SIZE);
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

    private static final long libraryDescription$OFFSET = $LAYOUT.byteOffset(groupElement("libraryDescription"));
    private static final long libraryDescription$SIZE = $LAYOUT.select(groupElement("libraryDescription")).byteSize();

    /** Getter for field {@code libraryDescription}: a slice of the struct. */
    public static MemorySegment libraryDescription(MemorySegment struct) {
        return struct.asSlice(libraryDescription$OFFSET, libraryDescription$SIZE);
    }

    private static final long libraryVersion$OFFSET = $LAYOUT.byteOffset(groupElement("libraryVersion"));
    private static final long libraryVersion$SIZE = $LAYOUT.select(groupElement("libraryVersion")).byteSize();

    /** Getter for field {@code libraryVersion}: a slice of the struct. */
    public static MemorySegment libraryVersion(MemorySegment struct) {
        return struct.asSlice(libraryVersion$OFFSET, libraryVersion$SIZE);
    }
}
