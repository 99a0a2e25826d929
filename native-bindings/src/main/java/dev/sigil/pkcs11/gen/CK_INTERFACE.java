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
 * struct CK_INTERFACE {
 *     void * pInterfaceName;
 *     void * pFunctionList;
 *     CK_ULONG flags;
 * }
 * }
 */
public final class CK_INTERFACE {

    private CK_INTERFACE() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_POINTER.withName("pInterfaceName"),
        pkcs11_h.C_POINTER.withName("pFunctionList"),
        pkcs11_h.C_LONG.withName("flags")
    ).withName("CK_INTERFACE");

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

    private static final AddressLayout pInterfaceName$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("pInterfaceName"));
    private static final long pInterfaceName$OFFSET = $LAYOUT.byteOffset(groupElement("pInterfaceName"));

    /** Getter for field {@code pInterfaceName}. */
    public static MemorySegment pInterfaceName(MemorySegment struct) {
        return struct.get(pInterfaceName$LAYOUT, pInterfaceName$OFFSET);
    }

    /** Setter for field {@code pInterfaceName}. */
    public static void pInterfaceName(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pInterfaceName$LAYOUT, pInterfaceName$OFFSET, fieldValue);
    }

    private static final AddressLayout pFunctionList$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("pFunctionList"));
    private static final long pFunctionList$OFFSET = $LAYOUT.byteOffset(groupElement("pFunctionList"));

    /** Getter for field {@code pFunctionList}. */
    public static MemorySegment pFunctionList(MemorySegment struct) {
        return struct.get(pFunctionList$LAYOUT, pFunctionList$OFFSET);
    }

    /** Setter for field {@code pFunctionList}. */
    public static void pFunctionList(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pFunctionList$LAYOUT, pFunctionList$OFFSET, fieldValue);
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
