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
 * struct CK_SLOT_INFO {
 *     CK_UTF8CHAR slotDescription[64];
 *     CK_UTF8CHAR manufacturerID[32];
 *     CK_ULONG flags;
 *     CK_VERSION hardwareVersion;
 *     CK_VERSION firmwareVersion;
 * }
 * }
 */
public final class CK_SLOT_INFO {

    private CK_SLOT_INFO() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        MemoryLayout.sequenceLayout(64, pkcs11_h.C_CHAR).withName("slotDescription"),
        MemoryLayout.sequenceLayout(32, pkcs11_h.C_CHAR).withName("manufacturerID"),
        pkcs11_h.C_LONG.withName("flags"),
        CK_VERSION.layout().withName("hardwareVersion"),
        CK_VERSION.layout().withName("firmwareVersion"),
        MemoryLayout.paddingLayout(4)
    ).withName("CK_SLOT_INFO");

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

    private static final long slotDescription$OFFSET = $LAYOUT.byteOffset(groupElement("slotDescription"));
    private static final long slotDescription$SIZE = $LAYOUT.select(groupElement("slotDescription")).byteSize();

    /** Getter for field {@code slotDescription}: a slice of the struct. */
    public static MemorySegment slotDescription(MemorySegment struct) {
        return struct.asSlice(slotDescription$OFFSET, slotDescription$SIZE);
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

    private static final long hardwareVersion$OFFSET = $LAYOUT.byteOffset(groupElement("hardwareVersion"));
    private static final long hardwareVersion$SIZE = $LAYOUT.select(groupElement("hardwareVersion")).byteSize();

    /** Getter for field {@code hardwareVersion}: a slice of the struct. */
    public static MemorySegment hardwareVersion(MemorySegment struct) {
        return struct.asSlice(hardwareVersion$OFFSET, hardwareVersion$SIZE);
    }

    private static final long firmwareVersion$OFFSET = $LAYOUT.byteOffset(groupElement("firmwareVersion"));
    private static final long firmwareVersion$SIZE = $LAYOUT.select(groupElement("firmwareVersion")).byteSize();

    /** Getter for field {@code firmwareVersion}: a slice of the struct. */
    public static MemorySegment firmwareVersion(MemorySegment struct) {
        return struct.asSlice(firmwareVersion$OFFSET, firmwareVersion$SIZE);
    }
}
