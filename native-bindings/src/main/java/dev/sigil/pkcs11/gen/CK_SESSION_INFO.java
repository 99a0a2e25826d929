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
 * struct CK_SESSION_INFO {
 *     CK_ULONG slotID;
 *     CK_ULONG state;
 *     CK_ULONG flags;
 *     CK_ULONG ulDeviceError;
 * }
 * }
 */
public final class CK_SESSION_INFO {

    private CK_SESSION_INFO() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_LONG.withName("slotID"),
        pkcs11_h.C_LONG.withName("state"),
        pkcs11_h.C_LONG.withName("flags"),
        pkcs11_h.C_LONG.withName("ulDeviceError")
    ).withName("CK_SESSION_INFO");

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

    private static final OfLong slotID$LAYOUT = (OfLong) $LAYOUT.select(groupElement("slotID"));
    private static final long slotID$OFFSET = $LAYOUT.byteOffset(groupElement("slotID"));

    /** Getter for field {@code slotID}. */
    public static long slotID(MemorySegment struct) {
        return struct.get(slotID$LAYOUT, slotID$OFFSET);
    }

    /** Setter for field {@code slotID}. */
    public static void slotID(MemorySegment struct, long fieldValue) {
        struct.set(slotID$LAYOUT, slotID$OFFSET, fieldValue);
    }

    private static final OfLong state$LAYOUT = (OfLong) $LAYOUT.select(groupElement("state"));
    private static final long state$OFFSET = $LAYOUT.byteOffset(groupElement("state"));

    /** Getter for field {@code state}. */
    public static long state(MemorySegment struct) {
        return struct.get(state$LAYOUT, state$OFFSET);
    }

    /** Setter for field {@code state}. */
    public static void state(MemorySegment struct, long fieldValue) {
        struct.set(state$LAYOUT, state$OFFSET, fieldValue);
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

    private static final OfLong ulDeviceError$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulDeviceError"));
    private static final long ulDeviceError$OFFSET = $LAYOUT.byteOffset(groupElement("ulDeviceError"));

    /** Getter for field {@code ulDeviceError}. */
    public static long ulDeviceError(MemorySegment struct) {
        return struct.get(ulDeviceError$LAYOUT, ulDeviceError$OFFSET);
    }

    /** Setter for field {@code ulDeviceError}. */
    public static void ulDeviceError(MemorySegment struct, long fieldValue) {
        struct.set(ulDeviceError$LAYOUT, ulDeviceError$OFFSET, fieldValue);
    }
}
