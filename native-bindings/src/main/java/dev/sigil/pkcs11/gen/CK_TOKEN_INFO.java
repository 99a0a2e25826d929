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
 * struct CK_TOKEN_INFO {
 *     CK_UTF8CHAR label[32];
 *     CK_UTF8CHAR manufacturerID[32];
 *     CK_UTF8CHAR model[16];
 *     CK_UTF8CHAR serialNumber[16];
 *     CK_ULONG flags;
 *     CK_ULONG ulMaxSessionCount;
 *     CK_ULONG ulSessionCount;
 *     CK_ULONG ulMaxRwSessionCount;
 *     CK_ULONG ulRwSessionCount;
 *     CK_ULONG ulMaxPinLen;
 *     CK_ULONG ulMinPinLen;
 *     CK_ULONG ulTotalPublicMemory;
 *     CK_ULONG ulFreePublicMemory;
 *     CK_ULONG ulTotalPrivateMemory;
 *     CK_ULONG ulFreePrivateMemory;
 *     CK_VERSION hardwareVersion;
 *     CK_VERSION firmwareVersion;
 *     CK_UTF8CHAR utcTime[16];
 * }
 * }
 */
public final class CK_TOKEN_INFO {

    private CK_TOKEN_INFO() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        MemoryLayout.sequenceLayout(32, pkcs11_h.C_CHAR).withName("label"),
        MemoryLayout.sequenceLayout(32, pkcs11_h.C_CHAR).withName("manufacturerID"),
        MemoryLayout.sequenceLayout(16, pkcs11_h.C_CHAR).withName("model"),
        MemoryLayout.sequenceLayout(16, pkcs11_h.C_CHAR).withName("serialNumber"),
        pkcs11_h.C_LONG.withName("flags"),
        pkcs11_h.C_LONG.withName("ulMaxSessionCount"),
        pkcs11_h.C_LONG.withName("ulSessionCount"),
        pkcs11_h.C_LONG.withName("ulMaxRwSessionCount"),
        pkcs11_h.C_LONG.withName("ulRwSessionCount"),
        pkcs11_h.C_LONG.withName("ulMaxPinLen"),
        pkcs11_h.C_LONG.withName("ulMinPinLen"),
        pkcs11_h.C_LONG.withName("ulTotalPublicMemory"),
        pkcs11_h.C_LONG.withName("ulFreePublicMemory"),
        pkcs11_h.C_LONG.withName("ulTotalPrivateMemory"),
        pkcs11_h.C_LONG.withName("ulFreePrivateMemory"),
        CK_VERSION.layout().withName("hardwareVersion"),
        CK_VERSION.layout().withName("firmwareVersion"),
        MemoryLayout.sequenceLayout(16, pkcs11_h.C_CHAR).withName("utcTime"),
        MemoryLayout.paddingLayout(4)
    ).withName("CK_TOKEN_INFO");

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

    private static final long label$OFFSET = $LAYOUT.byteOffset(groupElement("label"));
    private static final long label$SIZE = $LAYOUT.select(groupElement("label")).byteSize();

    /** Getter for field {@code label}: a slice of the struct. */
    public static MemorySegment label(MemorySegment struct) {
        return struct.asSlice(label$OFFSET, label$SIZE);
    }

    private static final long manufacturerID$OFFSET = $LAYOUT.byteOffset(groupElement("manufacturerID"));
    private static final long manufacturerID$SIZE = $LAYOUT.select(groupElement("manufacturerID")).byteSize();

    /** Getter for field {@code manufacturerID}: a slice of the struct. */
    public static MemorySegment manufacturerID(MemorySegment struct) {
        return struct.asSlice(manufacturerID$OFFSET, manufacturerID$SIZE);
    }

    private static final long model$OFFSET = $LAYOUT.byteOffset(groupElement("model"));
    private static final long model$SIZE = $LAYOUT.select(groupElement("model")).byteSize();

    /** Getter for field {@code model}: a slice of the struct. */
    public static MemorySegment model(MemorySegment struct) {
        return struct.asSlice(model$OFFSET, model$SIZE);
    }

    private static final long serialNumber$OFFSET = $LAYOUT.byteOffset(groupElement("serialNumber"));
    private static final long serialNumber$SIZE = $LAYOUT.select(groupElement("serialNumber")).byteSize();

    /** Getter for field {@code serialNumber}: a slice of the struct. */
    public static MemorySegment serialNumber(MemorySegment struct) {
        return struct.asSlice(serialNumber$OFFSET, serialNumber$SIZE);
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

    private static final OfLong ulMaxSessionCount$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulMaxSessionCount"));
    private static final long ulMaxSessionCount$OFFSET = $LAYOUT.byteOffset(groupElement("ulMaxSessionCount"));

    /** Getter for field {@code ulMaxSessionCount}. */
    public static long ulMaxSessionCount(MemorySegment struct) {
        return struct.get(ulMaxSessionCount$LAYOUT, ulMaxSessionCount$OFFSET);
    }

    /** Setter for field {@code ulMaxSessionCount}. */
    public static void ulMaxSessionCount(MemorySegment struct, long fieldValue) {
        struct.set(ulMaxSessionCount$LAYOUT, ulMaxSessionCount$OFFSET, fieldValue);
    }

    private static final OfLong ulSessionCount$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulSessionCount"));
    private static final long ulSessionCount$OFFSET = $LAYOUT.byteOffset(groupElement("ulSessionCount"));

    /** Getter for field {@code ulSessionCount}. */
    public static long ulSessionCount(MemorySegment struct) {
        return struct.get(ulSessionCount$LAYOUT, ulSessionCount$OFFSET);
    }

    /** Setter for field {@code ulSessionCount}. */
    public static void ulSessionCount(MemorySegment struct, long fieldValue) {
        struct.set(ulSessionCount$LAYOUT, ulSessionCount$OFFSET, fieldValue);
    }

    private static final OfLong ulMaxRwSessionCount$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulMaxRwSessionCount"));
    private static final long ulMaxRwSessionCount$OFFSET = $LAYOUT.byteOffset(groupElement("ulMaxRwSessionCount"));

    /** Getter for field {@code ulMaxRwSessionCount}. */
    public static long ulMaxRwSessionCount(MemorySegment struct) {
        return struct.get(ulMaxRwSessionCount$LAYOUT, ulMaxRwSessionCount$OFFSET);
    }

    /** Setter for field {@code ulMaxRwSessionCount}. */
    public static void ulMaxRwSessionCount(MemorySegment struct, long fieldValue) {
        struct.set(ulMaxRwSessionCount$LAYOUT, ulMaxRwSessionCount$OFFSET, fieldValue);
    }

    private static final OfLong ulRwSessionCount$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulRwSessionCount"));
    private static final long ulRwSessionCount$OFFSET = $LAYOUT.byteOffset(groupElement("ulRwSessionCount"));

    /** Getter for field {@code ulRwSessionCount}. */
    public static long ulRwSessionCount(MemorySegment struct) {
        return struct.get(ulRwSessionCount$LAYOUT, ulRwSessionCount$OFFSET);
    }

    /** Setter for field {@code ulRwSessionCount}. */
    public static void ulRwSessionCount(MemorySegment struct, long fieldValue) {
        struct.set(ulRwSessionCount$LAYOUT, ulRwSessionCount$OFFSET, fieldValue);
    }

    private static final OfLong ulMaxPinLen$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulMaxPinLen"));
    private static final long ulMaxPinLen$OFFSET = $LAYOUT.byteOffset(groupElement("ulMaxPinLen"));

    /** Getter for field {@code ulMaxPinLen}. */
    public static long ulMaxPinLen(MemorySegment struct) {
        return struct.get(ulMaxPinLen$LAYOUT, ulMaxPinLen$OFFSET);
    }

    /** Setter for field {@code ulMaxPinLen}. */
    public static void ulMaxPinLen(MemorySegment struct, long fieldValue) {
        struct.set(ulMaxPinLen$LAYOUT, ulMaxPinLen$OFFSET, fieldValue);
    }

    private static final OfLong ulMinPinLen$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulMinPinLen"));
    private static final long ulMinPinLen$OFFSET = $LAYOUT.byteOffset(groupElement("ulMinPinLen"));

    /** Getter for field {@code ulMinPinLen}. */
    public static long ulMinPinLen(MemorySegment struct) {
        return struct.get(ulMinPinLen$LAYOUT, ulMinPinLen$OFFSET);
    }

    /** Setter for field {@code ulMinPinLen}. */
    public static void ulMinPinLen(MemorySegment struct, long fieldValue) {
        struct.set(ulMinPinLen$LAYOUT, ulMinPinLen$OFFSET, fieldValue);
    }

    private static final OfLong ulTotalPublicMemory$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulTotalPublicMemory"));
    private static final long ulTotalPublicMemory$OFFSET = $LAYOUT.byteOffset(groupElement("ulTotalPublicMemory"));

    /** Getter for field {@code ulTotalPublicMemory}. */
    public static long ulTotalPublicMemory(MemorySegment struct) {
        return struct.get(ulTotalPublicMemory$LAYOUT, ulTotalPublicMemory$OFFSET);
    }

    /** Setter for field {@code ulTotalPublicMemory}. */
    public static void ulTotalPublicMemory(MemorySegment struct, long fieldValue) {
        struct.set(ulTotalPublicMemory$LAYOUT, ulTotalPublicMemory$OFFSET, fieldValue);
    }

    private static final OfLong ulFreePublicMemory$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulFreePublicMemory"));
    private static final long ulFreePublicMemory$OFFSET = $LAYOUT.byteOffset(groupElement("ulFreePublicMemory"));

    /** Getter for field {@code ulFreePublicMemory}. */
    public static long ulFreePublicMemory(MemorySegment struct) {
        return struct.get(ulFreePublicMemory$LAYOUT, ulFreePublicMemory$OFFSET);
    }

    /** Setter for field {@code ulFreePublicMemory}. */
    public static void ulFreePublicMemory(MemorySegment struct, long fieldValue) {
        struct.set(ulFreePublicMemory$LAYOUT, ulFreePublicMemory$OFFSET, fieldValue);
    }

    private static final OfLong ulTotalPrivateMemory$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulTotalPrivateMemory"));
    private static final long ulTotalPrivateMemory$OFFSET = $LAYOUT.byteOffset(groupElement("ulTotalPrivateMemory"));

    /** Getter for field {@code ulTotalPrivateMemory}. */
    public static long ulTotalPrivateMemory(MemorySegment struct) {
        return struct.get(ulTotalPrivateMemory$LAYOUT, ulTotalPrivateMemory$OFFSET);
    }

    /** Setter for field {@code ulTotalPrivateMemory}. */
    public static void ulTotalPrivateMemory(MemorySegment struct, long fieldValue) {
        struct.set(ulTotalPrivateMemory$LAYOUT, ulTotalPrivateMemory$OFFSET, fieldValue);
    }

    private static final OfLong ulFreePrivateMemory$LAYOUT = (OfLong) $LAYOUT.select(groupElement("ulFreePrivateMemory"));
    private static final long ulFreePrivateMemory$OFFSET = $LAYOUT.byteOffset(groupElement("ulFreePrivateMemory"));

    /** Getter for field {@code ulFreePrivateMemory}. */
    public static long ulFreePrivateMemory(MemorySegment struct) {
        return struct.get(ulFreePrivateMemory$LAYOUT, ulFreePrivateMemory$OFFSET);
    }

    /** Setter for field {@code ulFreePrivateMemory}. */
    public static void ulFreePrivateMemory(MemorySegment struct, long fieldValue) {
        struct.set(ulFreePrivateMemory$LAYOUT, ulFreePrivateMemory$OFFSET, fieldValue);
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

    private static final long utcTime$OFFSET = $LAYOUT.byteOffset(groupElement("utcTime"));
    private static final long utcTime$SIZE = $LAYOUT.select(groupElement("utcTime")).byteSize();

    /** Getter for field {@code utcTime}: a slice of the struct. */
    public static MemorySegment utcTime(MemorySegment struct) {
        return struct.asSlice(utcTime$OFFSET, utcTime$SIZE);
    }
}
