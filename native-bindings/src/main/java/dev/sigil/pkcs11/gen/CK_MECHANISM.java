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
 * struct CK_MECHANISM {
 *     CK_ULONG mechanism;
 *     void * pParameter;
 *     CK_ULONG ulParameterLen;
 * }
 * }
 */
public final class CK_MECHANISM {

    private CK_MECHANISM() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_LONG.withName("mechanism"),
        pkcs11_h.C_POINTER.withName("pParameter"),
        pkcs11_h.C_LONG.withName("ulParameterLen")
    ).withName("CK_MECHANISM");

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

    private static final OfLong mechanism$LAYOUT = (OfLong) $LAYOUT.select(groupElement("mechanism"));
    private static final long mechanism$OFFSET = $LAYOUT.byteOffset(groupElement("mechanism"));

    /** Getter for field {@code mechanism}. */
    public static long mechanism(MemorySegment struct) {
        return struct.get(mechanism$LAYOUT, mechanism$OFFSET);
    }

    /** Setter for field {@code mechanism}. */
    public static void mechanism(MemorySegment struct, long fieldValue) {
        struct.set(mechanism$LAYOUT, mechanism$OFFSET, fieldValue);
    }

    private static final AddressLayout pParameter$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("pParameter"));
    private static final long pParameter$OFFSET = $LAYOUT.byteOffset(groupElement("pParameter"));

    /** Getter for field {@code pParameter}. */
    public static MemorySegment pParameter(MemorySegment struct) {
        return struct.get(pParameter$LAYOUT, pParameter$OFFSET);
    }

    /** Setter for field {@code pParameter}. */
    public static void pParameter(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pParameter$LAYOUT, pParameter$OFFSET, fieldValue);
    }

    private static final OfLong ulParameterLen$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulParameterLen"));
    private static final long ulParameterLen$OFFSET = $LAYOUT.byteOffset(groupElement("ulParameterLen"));

    /** Getter for field {@code ulParameterLen}. */
    public static long ulParameterLen(MemorySegment struct) {
        return struct.get(ulParameterLen$LAYOUT, ulParameterLen$OFFSET);
    }

    /** Setter for field {@code ulParameterLen}. */
    public static void ulParameterLen(MemorySegment struct, long fieldValue) {
        struct.set(ulParameterLen$LAYOUT, ulParameterLen$OFFSET, fieldValue);
    }
}
