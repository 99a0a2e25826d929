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
 * struct CK_C_INITIALIZE_ARGS {
 *     void * CreateMutex;
 *     void * DestroyMutex;
 *     void * LockMutex;
 *     void * UnlockMutex;
 *     CK_ULONG flags;
 *     void * pReserved;
 * }
 * }
 */
public final class CK_C_INITIALIZE_ARGS {

    private CK_C_INITIALIZE_ARGS() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        pkcs11_h.C_POINTER.withName("CreateMutex"),
        pkcs11_h.C_POINTER.withName("DestroyMutex"),
        pkcs11_h.C_POINTER.withName("LockMutex"),
        pkcs11_h.C_POINTER.withName("UnlockMutex"),
        pkcs11_h.C_LONG.withName("flags"),
        pkcs11_h.C_POINTER.withName("pReserved")
    ).withName("CK_C_INITIALIZE_ARGS");

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

    private static final AddressLayout CreateMutex$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("CreateMutex"));
    private static final long CreateMutex$OFFSET = $LAYOUT.byteOffset(groupElement("CreateMutex"));

    /** Getter for field {@code CreateMutex}. */
    public static MemorySegment CreateMutex(MemorySegment struct) {
        return struct.get(CreateMutex$LAYOUT, CreateMutex$OFFSET);
    }

    /** Setter for field {@code CreateMutex}. */
    public static void CreateMutex(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(CreateMutex$LAYOUT, CreateMutex$OFFSET, fieldValue);
    }

    private static final AddressLayout DestroyMutex$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("DestroyMutex"));
    private static final long DestroyMutex$OFFSET = $LAYOUT.byteOffset(groupElement("DestroyMutex"));

    /** Getter for field {@code DestroyMutex}. */
    public static MemorySegment DestroyMutex(MemorySegment struct) {
        return struct.get(DestroyMutex$LAYOUT, DestroyMutex$OFFSET);
    }

    /** Setter for field {@code DestroyMutex}. */
    public static void DestroyMutex(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(DestroyMutex$LAYOUT, DestroyMutex$OFFSET, fieldValue);
    }

    private static final AddressLayout LockMutex$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("LockMutex"));
    private static final long LockMutex$OFFSET = $LAYOUT.byteOffset(groupElement("LockMutex"));

    /** Getter for field {@code LockMutex}. */
    public static MemorySegment LockMutex(MemorySegment struct) {
        return struct.get(LockMutex$LAYOUT, LockMutex$OFFSET);
    }

    /** Setter for field {@code LockMutex}. */
    public static void LockMutex(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(LockMutex$LAYOUT, LockMutex$OFFSET, fieldValue);
    }

    private static final AddressLayout UnlockMutex$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("UnlockMutex"));
    private static final long UnlockMutex$OFFSET = $LAYOUT.byteOffset(groupElement("UnlockMutex"));

    /** Getter for field {@code UnlockMutex}. */
    public static MemorySegment UnlockMutex(MemorySegment struct) {
        return struct.get(UnlockMutex$LAYOUT, UnlockMutex$OFFSET);
    }

    /** Setter for field {@code UnlockMutex}. */
    public static void UnlockMutex(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(UnlockMutex$LAYOUT, UnlockMutex$OFFSET, fieldValue);
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

    private static final AddressLayout pReserved$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("pReserved"));
    private static final long pReserved$OFFSET = $LAYOUT.byteOffset(groupElement("pReserved"));

    /** Getter for field {@code pReserved}. */
    public static MemorySegment pReserved(MemorySegment struct) {
        return struct.get(pReserved$LAYOUT, pReserved$OFFSET);
    }

    /** Setter for field {@code pReserved}. */
    public static void pReserved(MemorySegment struct, MemorySegment fieldValue) {
        struct.set(pReserved$LAYOUT, pReserved$OFFSET, fieldValue);
    }
}
