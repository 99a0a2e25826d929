// Written by hand in the shape jextract (JDK 22+) gives for pkcs11.h (OASIS PKCS #11 v2.40 errata 01, with the
// CK_INTERFACE / C_GetInterface additions of v3.0), Linux x86-64 and aarch64 (LP64: CK_ULONG is 64 bits, no packing).
// Not generated: headers and symbols are in native-bindings/jextract/; regenerate.sh compares with jextract's output.

package dev.sigil.pkcs11.gen;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;

/**
 * {@snippet lang=c :
 * struct CK_FUNCTION_LIST {
 *     CK_VERSION version;
 *     CK_C_Initialize C_Initialize;
 *     ... (68 function pointers in the order of pkcs11f.h)
 * }
 * }
 * A v3.0 {@code CK_FUNCTION_LIST_3_0} begins with the same members, so this layout reads its prefix.
 */
public final class CK_FUNCTION_LIST {

    private CK_FUNCTION_LIST() {
    }

    private static final GroupLayout $LAYOUT = MemoryLayout.structLayout(
        CK_VERSION.layout().withName("version"),
        MemoryLayout.paddingLayout(6),
        pkcs11_h.C_POINTER.withName("C_Initialize"),
        pkcs11_h.C_POINTER.withName("C_Finalize"),
        pkcs11_h.C_POINTER.withName("C_GetInfo"),
        pkcs11_h.C_POINTER.withName("C_GetFunctionList"),
        pkcs11_h.C_POINTER.withName("C_GetSlotList"),
        pkcs11_h.C_POINTER.withName("C_GetSlotInfo"),
        pkcs11_h.C_POINTER.withName("C_GetTokenInfo"),
        pkcs11_h.C_POINTER.withName("C_GetMechanismList"),
        pkcs11_h.C_POINTER.withName("C_GetMechanismInfo"),
        pkcs11_h.C_POINTER.withName("C_InitToken"),
        pkcs11_h.C_POINTER.withName("C_InitPIN"),
        pkcs11_h.C_POINTER.withName("C_SetPIN"),
        pkcs11_h.C_POINTER.withName("C_OpenSession"),
        pkcs11_h.C_POINTER.withName("C_CloseSession"),
        pkcs11_h.C_POINTER.withName("C_CloseAllSessions"),
        pkcs11_h.C_POINTER.withName("C_GetSessionInfo"),
        pkcs11_h.C_POINTER.withName("C_GetOperationState"),
        pkcs11_h.C_POINTER.withName("C_SetOperationState"),
        pkcs11_h.C_POINTER.withName("C_Login"),
        pkcs11_h.C_POINTER.withName("C_Logout"),
        pkcs11_h.C_POINTER.withName("C_CreateObject"),
        pkcs11_h.C_POINTER.withName("C_CopyObject"),
        pkcs11_h.C_POINTER.withName("C_DestroyObject"),
        pkcs11_h.C_POINTER.withName("C_GetObjectSize"),
        pkcs11_h.C_POINTER.withName("C_GetAttributeValue"),
        pkcs11_h.C_POINTER.withName("C_SetAttributeValue"),
        pkcs11_h.C_POINTER.withName("C_FindObjectsInit"),
        pkcs11_h.C_POINTER.withName("C_FindObjects"),
        pkcs11_h.C_POINTER.withName("C_FindObjectsFinal"),
        pkcs11_h.C_POINTER.withName("C_EncryptInit"),
        pkcs11_h.C_POINTER.withName("C_Encrypt"),
        pkcs11_h.C_POINTER.withName("C_EncryptUpdate"),
        pkcs11_h.C_POINTER.withName("C_EncryptFinal"),
        pkcs11_h.C_POINTER.withName("C_DecryptInit"),
        pkcs11_h.C_POINTER.withName("C_Decrypt"),
        pkcs11_h.C_POINTER.withName("C_DecryptUpdate"),
        pkcs11_h.C_POINTER.withName("C_DecryptFinal"),
        pkcs11_h.C_POINTER.withName("C_DigestInit"),
        pkcs11_h.C_POINTER.withName("C_Digest"),
        pkcs11_h.C_POINTER.withName("C_DigestUpdate"),
        pkcs11_h.C_POINTER.withName("C_DigestKey"),
        pkcs11_h.C_POINTER.withName("C_DigestFinal"),
        pkcs11_h.C_POINTER.withName("C_SignInit"),
        pkcs11_h.C_POINTER.withName("C_Sign"),
        pkcs11_h.C_POINTER.withName("C_SignUpdate"),
        pkcs11_h.C_POINTER.withName("C_SignFinal"),
        pkcs11_h.C_POINTER.withName("C_SignRecoverInit"),
        pkcs11_h.C_POINTER.withName("C_SignRecover"),
        pkcs11_h.C_POINTER.withName("C_VerifyInit"),
        pkcs11_h.C_POINTER.withName("C_Verify"),
        pkcs11_h.C_POINTER.withName("C_VerifyUpdate"),
        pkcs11_h.C_POINTER.withName("C_VerifyFinal"),
        pkcs11_h.C_POINTER.withName("C_VerifyRecoverInit"),
        pkcs11_h.C_POINTER.withName("C_VerifyRecover"),
        pkcs11_h.C_POINTER.withName("C_DigestEncryptUpdate"),
        pkcs11_h.C_POINTER.withName("C_DecryptDigestUpdate"),
        pkcs11_h.C_POINTER.withName("C_SignEncryptUpdate"),
        pkcs11_h.C_POINTER.withName("C_DecryptVerifyUpdate"),
        pkcs11_h.C_POINTER.withName("C_GenerateKey"),
        pkcs11_h.C_POINTER.withName("C_GenerateKeyPair"),
        pkcs11_h.C_POINTER.withName("C_WrapKey"),
        pkcs11_h.C_POINTER.withName("C_UnwrapKey"),
        pkcs11_h.C_POINTER.withName("C_DeriveKey"),
        pkcs11_h.C_POINTER.withName("C_SeedRandom"),
        pkcs11_h.C_POINTER.withName("C_GenerateRandom"),
        pkcs11_h.C_POINTER.withName("C_GetFunctionStatus"),
        pkcs11_h.C_POINTER.withName("C_CancelFunction"),
        pkcs11_h.C_POINTER.withName("C_WaitForSlotEvent")
    ).withName("CK_FUNCTION_LIST");

    /** The layout of this struct. */
    public static GroupLayout layout() {
        return $LAYOUT;
    }

    private static final GroupLayout version$LAYOUT = (GroupLayout) $LAYOUT.select(groupElement("version"));
    private static final long version$OFFSET = $LAYOUT.byteOffset(groupElement("version"));

    /** Getter for field: {@snippet lang=c : CK_VERSION version} */
    public static MemorySegment version(MemorySegment struct) {
        return struct.asSlice(version$OFFSET, version$LAYOUT.byteSize());
    }

    private static final AddressLayout C_Initialize$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Initialize"));
    private static final long C_Initialize$OFFSET = $LAYOUT.byteOffset(groupElement("C_Initialize"));

    /** Getter for field: {@snippet lang=c : CK_C_Initialize C_Initialize} */
    public static MemorySegment C_Initialize(MemorySegment struct) {
        return struct.get(C_Initialize$LAYOUT, C_Initialize$OFFSET);
    }

    private static final AddressLayout C_Finalize$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Finalize"));
    private static final long C_Finalize$OFFSET = $LAYOUT.byteOffset(groupElement("C_Finalize"));

    /** Getter for field: {@snippet lang=c : CK_C_Finalize C_Finalize} */
    public static MemorySegment C_Finalize(MemorySegment struct) {
        return struct.get(C_Finalize$LAYOUT, C_Finalize$OFFSET);
    }

    private static final AddressLayout C_GetInfo$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetInfo"));
    private static final long C_GetInfo$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetInfo"));

    /** Getter for field: {@snippet lang=c : CK_C_GetInfo C_GetInfo} */
    public static MemorySegment C_GetInfo(MemorySegment struct) {
        return struct.get(C_GetInfo$LAYOUT, C_GetInfo$OFFSET);
    }

    private static final AddressLayout C_GetFunctionList$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetFunctionList"));
    private static final long C_GetFunctionList$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetFunctionList"));

    /** Getter for field: {@snippet lang=c : CK_C_GetFunctionList C_GetFunctionList} */
    public static MemorySegment C_GetFunctionList(MemorySegment struct) {
        return struct.get(C_GetFunctionList$LAYOUT, C_GetFunctionList$OFFSET);
    }

    private static final AddressLayout C_GetSlotList$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetSlotList"));
    private static final long C_GetSlotList$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetSlotList"));

    /** Getter for field: {@snippet lang=c : CK_C_GetSlotList C_GetSlotList} */
    public static MemorySegment C_GetSlotList(MemorySegment struct) {
        return struct.get(C_GetSlotList$LAYOUT, C_GetSlotList$OFFSET);
    }

    private static final AddressLayout C_GetSlotInfo$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetSlotInfo"));
    private static final long C_GetSlotInfo$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetSlotInfo"));

    /** Getter for field: {@snippet lang=c : CK_C_GetSlotInfo C_GetSlotInfo} */
    public static MemorySegment C_GetSlotInfo(MemorySegment struct) {
        return struct.get(C_GetSlotInfo$LAYOUT, C_GetSlotInfo$OFFSET);
    }

    private static final AddressLayout C_GetTokenInfo$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetTokenInfo"));
    private static final long C_GetTokenInfo$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetTokenInfo"));

    /** Getter for field: {@snippet lang=c : CK_C_GetTokenInfo C_GetTokenInfo} */
    public static MemorySegment C_GetTokenInfo(MemorySegment struct) {
        return struct.get(C_GetTokenInfo$LAYOUT, C_GetTokenInfo$OFFSET);
    }

    private static final AddressLayout C_GetMechanismList$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetMechanismList"));
    private static final long C_GetMechanismList$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetMechanismList"));

    /** Getter for field: {@snippet lang=c : CK_C_GetMechanismList C_GetMechanismList} */
    public static MemorySegment C_GetMechanismList(MemorySegment struct) {
        return struct.get(C_GetMechanismList$LAYOUT, C_GetMechanismList$OFFSET);
    }

    private static final AddressLayout C_GetMechanismInfo$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetMechanismInfo"));
    private static final long C_GetMechanismInfo$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetMechanismInfo"));

    /** Getter for field: {@snippet lang=c : CK_C_GetMechanismInfo C_GetMechanismInfo} */
    public static MemorySegment C_GetMechanismInfo(MemorySegment struct) {
        return struct.get(C_GetMechanismInfo$LAYOUT, C_GetMechanismInfo$OFFSET);
    }

    private static final AddressLayout C_InitToken$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_InitToken"));
    private static final long C_InitToken$OFFSET = $LAYOUT.byteOffset(groupElement("C_InitToken"));

    /** Getter for field: {@snippet lang=c : CK_C_InitToken C_InitToken} */
    public static MemorySegment C_InitToken(MemorySegment struct) {
        return struct.get(C_InitToken$LAYOUT, C_InitToken$OFFSET);
    }

    private static final AddressLayout C_InitPIN$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_InitPIN"));
    private static final long C_InitPIN$OFFSET = $LAYOUT.byteOffset(groupElement("C_InitPIN"));

    /** Getter for field: {@snippet lang=c : CK_C_InitPIN C_InitPIN} */
    public static MemorySegment C_InitPIN(MemorySegment struct) {
        return struct.get(C_InitPIN$LAYOUT, C_InitPIN$OFFSET);
    }

    private static final AddressLayout C_SetPIN$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SetPIN"));
    private static final long C_SetPIN$OFFSET = $LAYOUT.byteOffset(groupElement("C_SetPIN"));

    /** Getter for field: {@snippet lang=c : CK_C_SetPIN C_SetPIN} */
    public static MemorySegment C_SetPIN(MemorySegment struct) {
        return struct.get(C_SetPIN$LAYOUT, C_SetPIN$OFFSET);
    }

    private static final AddressLayout C_OpenSession$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_OpenSession"));
    private static final long C_OpenSession$OFFSET = $LAYOUT.byteOffset(groupElement("C_OpenSession"));

    /** Getter for field: {@snippet lang=c : CK_C_OpenSession C_OpenSession} */
    public static MemorySegment C_OpenSession(MemorySegment struct) {
        return struct.get(C_OpenSession$LAYOUT, C_OpenSession$OFFSET);
    }

    private static final AddressLayout C_CloseSession$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_CloseSession"));
    private static final long C_CloseSession$OFFSET = $LAYOUT.byteOffset(groupElement("C_CloseSession"));

    /** Getter for field: {@snippet lang=c : CK_C_CloseSession C_CloseSession} */
    public static MemorySegment C_CloseSession(MemorySegment struct) {
        return struct.get(C_CloseSession$LAYOUT, C_CloseSession$OFFSET);
    }

    private static final AddressLayout C_CloseAllSessions$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_CloseAllSessions"));
    private static final long C_CloseAllSessions$OFFSET = $LAYOUT.byteOffset(groupElement("C_CloseAllSessions"));

    /** Getter for field: {@snippet lang=c : CK_C_CloseAllSessions C_CloseAllSessions} */
    public static MemorySegment C_CloseAllSessions(MemorySegment struct) {
        return struct.get(C_CloseAllSessions$LAYOUT, C_CloseAllSessions$OFFSET);
    }

    private static final AddressLayout C_GetSessionInfo$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetSessionInfo"));
    private static final long C_GetSessionInfo$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetSessionInfo"));

    /** Getter for field: {@snippet lang=c : CK_C_GetSessionInfo C_GetSessionInfo} */
    public static MemorySegment C_GetSessionInfo(MemorySegment struct) {
        return struct.get(C_GetSessionInfo$LAYOUT, C_GetSessionInfo$OFFSET);
    }

    private static final AddressLayout C_GetOperationState$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetOperationState"));
    private static final long C_GetOperationState$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetOperationState"));

    /** Getter for field: {@snippet lang=c : CK_C_GetOperationState C_GetOperationState} */
    public static MemorySegment C_GetOperationState(MemorySegment struct) {
        return struct.get(C_GetOperationState$LAYOUT, C_GetOperationState$OFFSET);
    }

    private static final AddressLayout C_SetOperationState$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SetOperationState"));
    private static final long C_SetOperationState$OFFSET = $LAYOUT.byteOffset(groupElement("C_SetOperationState"));

    /** Getter for field: {@snippet lang=c : CK_C_SetOperationState C_SetOperationState} */
    public static MemorySegment C_SetOperationState(MemorySegment struct) {
        return struct.get(C_SetOperationState$LAYOUT, C_SetOperationState$OFFSET);
    }

    private static final AddressLayout C_Login$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Login"));
    private static final long C_Login$OFFSET = $LAYOUT.byteOffset(groupElement("C_Login"));

    /** Getter for field: {@snippet lang=c : CK_C_Login C_Login} */
    public static MemorySegment C_Login(MemorySegment struct) {
        return struct.get(C_Login$LAYOUT, C_Login$OFFSET);
    }

    private static final AddressLayout C_Logout$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Logout"));
    private static final long C_Logout$OFFSET = $LAYOUT.byteOffset(groupElement("C_Logout"));

    /** Getter for field: {@snippet lang=c : CK_C_Logout C_Logout} */
    public static MemorySegment C_Logout(MemorySegment struct) {
        return struct.get(C_Logout$LAYOUT, C_Logout$OFFSET);
    }

    private static final AddressLayout C_CreateObject$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_CreateObject"));
    private static final long C_CreateObject$OFFSET = $LAYOUT.byteOffset(groupElement("C_CreateObject"));

    /** Getter for field: {@snippet lang=c : CK_C_CreateObject C_CreateObject} */
    public static MemorySegment C_CreateObject(MemorySegment struct) {
        return struct.get(C_CreateObject$LAYOUT, C_CreateObject$OFFSET);
    }

    private static final AddressLayout C_CopyObject$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_CopyObject"));
    private static final long C_CopyObject$OFFSET = $LAYOUT.byteOffset(groupElement("C_CopyObject"));

    /** Getter for field: {@snippet lang=c : CK_C_CopyObject C_CopyObject} */
    public static MemorySegment C_CopyObject(MemorySegment struct) {
        return struct.get(C_CopyObject$LAYOUT, C_CopyObject$OFFSET);
    }

    private static final AddressLayout C_DestroyObject$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DestroyObject"));
    private static final long C_DestroyObject$OFFSET = $LAYOUT.byteOffset(groupElement("C_DestroyObject"));

    /** Getter for field: {@snippet lang=c : CK_C_DestroyObject C_DestroyObject} */
    public static MemorySegment C_DestroyObject(MemorySegment struct) {
        return struct.get(C_DestroyObject$LAYOUT, C_DestroyObject$OFFSET);
    }

    private static final AddressLayout C_GetObjectSize$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetObjectSize"));
    private static final long C_GetObjectSize$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetObjectSize"));

    /** Getter for field: {@snippet lang=c : CK_C_GetObjectSize C_GetObjectSize} */
    public static MemorySegment C_GetObjectSize(MemorySegment struct) {
        return struct.get(C_GetObjectSize$LAYOUT, C_GetObjectSize$OFFSET);
    }

    private static final AddressLayout C_GetAttributeValue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetAttributeValue"));
    private static final long C_GetAttributeValue$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetAttributeValue"));

    /** Getter for field: {@snippet lang=c : CK_C_GetAttributeValue C_GetAttributeValue} */
    public static MemorySegment C_GetAttributeValue(MemorySegment struct) {
        return struct.get(C_GetAttributeValue$LAYOUT, C_GetAttributeValue$OFFSET);
    }

    private static final AddressLayout C_SetAttributeValue$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SetAttributeValue"));
    private static final long C_SetAttributeValue$OFFSET = $LAYOUT.byteOffset(groupElement("C_SetAttributeValue"));

    /** Getter for field: {@snippet lang=c : CK_C_SetAttributeValue C_SetAttributeValue} */
    public static MemorySegment C_SetAttributeValue(MemorySegment struct) {
        return struct.get(C_SetAttributeValue$LAYOUT, C_SetAttributeValue$OFFSET);
    }

    private static final AddressLayout C_FindObjectsInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_FindObjectsInit"));
    private static final long C_FindObjectsInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_FindObjectsInit"));

    /** Getter for field: {@snippet lang=c : CK_C_FindObjectsInit C_FindObjectsInit} */
    public static MemorySegment C_FindObjectsInit(MemorySegment struct) {
        return struct.get(C_FindObjectsInit$LAYOUT, C_FindObjectsInit$OFFSET);
    }

    private static final AddressLayout C_FindObjects$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_FindObjects"));
    private static final long C_FindObjects$OFFSET = $LAYOUT.byteOffset(groupElement("C_FindObjects"));

    /** Getter for field: {@snippet lang=c : CK_C_FindObjects C_FindObjects} */
    public static MemorySegment C_FindObjects(MemorySegment struct) {
        return struct.get(C_FindObjects$LAYOUT, C_FindObjects$OFFSET);
    }

    private static final AddressLayout C_FindObjectsFinal$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_FindObjectsFinal"));
    private static final long C_FindObjectsFinal$OFFSET = $LAYOUT.byteOffset(groupElement("C_FindObjectsFinal"));

    /** Getter for field: {@snippet lang=c : CK_C_FindObjectsFinal C_FindObjectsFinal} */
    public static MemorySegment C_FindObjectsFinal(MemorySegment struct) {
        return struct.get(C_FindObjectsFinal$LAYOUT, C_FindObjectsFinal$OFFSET);
    }

    private static final AddressLayout C_EncryptInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_EncryptInit"));
    private static final long C_EncryptInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_EncryptInit"));

    /** Getter for field: {@snippet lang=c : CK_C_EncryptInit C_EncryptInit} */
    public static MemorySegment C_EncryptInit(MemorySegment struct) {
        return struct.get(C_EncryptInit$LAYOUT, C_EncryptInit$OFFSET);
    }

    private static final AddressLayout C_Encrypt$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Encrypt"));
    private static final long C_Encrypt$OFFSET = $LAYOUT.byteOffset(groupElement("C_Encrypt"));

    /** Getter for field: {@snippet lang=c : CK_C_Encrypt C_Encrypt} */
    public static MemorySegment C_Encrypt(MemorySegment struct) {
        return struct.get(C_Encrypt$LAYOUT, C_Encrypt$OFFSET);
    }

    private static final AddressLayout C_EncryptUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_EncryptUpdate"));
    private static final long C_EncryptUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_EncryptUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_EncryptUpdate C_EncryptUpdate} */
    public static MemorySegment C_EncryptUpdate(MemorySegment struct) {
        return struct.get(C_EncryptUpdate$LAYOUT, C_EncryptUpdate$OFFSET);
    }

    private static final AddressLayout C_EncryptFinal$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_EncryptFinal"));
    private static final long C_EncryptFinal$OFFSET = $LAYOUT.byteOffset(groupElement("C_EncryptFinal"));

    /** Getter for field: {@snippet lang=c : CK_C_EncryptFinal C_EncryptFinal} */
    public static MemorySegment C_EncryptFinal(MemorySegment struct) {
        return struct.get(C_EncryptFinal$LAYOUT, C_EncryptFinal$OFFSET);
    }

    private static final AddressLayout C_DecryptInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DecryptInit"));
    private static final long C_DecryptInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_DecryptInit"));

    /** Getter for field: {@snippet lang=c : CK_C_DecryptInit C_DecryptInit} */
    public static MemorySegment C_DecryptInit(MemorySegment struct) {
        return struct.get(C_DecryptInit$LAYOUT, C_DecryptInit$OFFSET);
    }

    private static final AddressLayout C_Decrypt$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Decrypt"));
    private static final long C_Decrypt$OFFSET = $LAYOUT.byteOffset(groupElement("C_Decrypt"));

    /** Getter for field: {@snippet lang=c : CK_C_Decrypt C_Decrypt} */
    public static MemorySegment C_Decrypt(MemorySegment struct) {
        return struct.get(C_Decrypt$LAYOUT, C_Decrypt$OFFSET);
    }

    private static final AddressLayout C_DecryptUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DecryptUpdate"));
    private static final long C_DecryptUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_DecryptUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_DecryptUpdate C_DecryptUpdate} */
    public static MemorySegment C_DecryptUpdate(MemorySegment struct) {
        return struct.get(C_DecryptUpdate$LAYOUT, C_DecryptUpdate$OFFSET);
    }

    private static final AddressLayout C_DecryptFinal$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DecryptFinal"));
    private static final long C_DecryptFinal$OFFSET = $LAYOUT.byteOffset(groupElement("C_DecryptFinal"));

    /** Getter for field: {@snippet lang=c : CK_C_DecryptFinal C_DecryptFinal} */
    public static MemorySegment C_DecryptFinal(MemorySegment struct) {
        return struct.get(C_DecryptFinal$LAYOUT, C_DecryptFinal$OFFSET);
    }

    private static final AddressLayout C_DigestInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DigestInit"));
    private static final long C_DigestInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_DigestInit"));

    /** Getter for field: {@snippet lang=c : CK_C_DigestInit C_DigestInit} */
    public static MemorySegment C_DigestInit(MemorySegment struct) {
        return struct.get(C_DigestInit$LAYOUT, C_DigestInit$OFFSET);
    }

    private static final AddressLayout C_Digest$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Digest"));
    private static final long C_Digest$OFFSET = $LAYOUT.byteOffset(groupElement("C_Digest"));

    /** Getter for field: {@snippet lang=c : CK_C_Digest C_Digest} */
    public static MemorySegment C_Digest(MemorySegment struct) {
        return struct.get(C_Digest$LAYOUT, C_Digest$OFFSET);
    }

    private static final AddressLayout C_DigestUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DigestUpdate"));
    private static final long C_DigestUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_DigestUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_DigestUpdate C_DigestUpdate} */
    public static MemorySegment C_DigestUpdate(MemorySegment struct) {
        return struct.get(C_DigestUpdate$LAYOUT, C_DigestUpdate$OFFSET);
    }

    private static final AddressLayout C_DigestKey$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DigestKey"));
    private static final long C_DigestKey$OFFSET = $LAYOUT.byteOffset(groupElement("C_DigestKey"));

    /** Getter for field: {@snippet lang=c : CK_C_DigestKey C_DigestKey} */
    public static MemorySegment C_DigestKey(MemorySegment struct) {
        return struct.get(C_DigestKey$LAYOUT, C_DigestKey$OFFSET);
    }

    private static final AddressLayout C_DigestFinal$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DigestFinal"));
    private static final long C_DigestFinal$OFFSET = $LAYOUT.byteOffset(groupElement("C_DigestFinal"));

    /** Getter for field: {@snippet lang=c : CK_C_DigestFinal C_DigestFinal} */
    public static MemorySegment C_DigestFinal(MemorySegment struct) {
        return struct.get(C_DigestFinal$LAYOUT, C_DigestFinal$OFFSET);
    }

    private static final AddressLayout C_SignInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SignInit"));
    private static final long C_SignInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_SignInit"));

    /** Getter for field: {@snippet lang=c : CK_C_SignInit C_SignInit} */
    public static MemorySegment C_SignInit(MemorySegment struct) {
        return struct.get(C_SignInit$LAYOUT, C_SignInit$OFFSET);
    }

    private static final AddressLayout C_Sign$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Sign"));
    private static final long C_Sign$OFFSET = $LAYOUT.byteOffset(groupElement("C_Sign"));

    /** Getter for field: {@snippet lang=c : CK_C_Sign C_Sign} */
    public static MemorySegment C_Sign(MemorySegment struct) {
        return struct.get(C_Sign$LAYOUT, C_Sign$OFFSET);
    }

    private static final AddressLayout C_SignUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SignUpdate"));
    private static final long C_SignUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_SignUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_SignUpdate C_SignUpdate} */
    public static MemorySegment C_SignUpdate(MemorySegment struct) {
        return struct.get(C_SignUpdate$LAYOUT, C_SignUpdate$OFFSET);
    }

    private static final AddressLayout C_SignFinal$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SignFinal"));
    private static final long C_SignFinal$OFFSET = $LAYOUT.byteOffset(groupElement("C_SignFinal"));

    /** Getter for field: {@snippet lang=c : CK_C_SignFinal C_SignFinal} */
    public static MemorySegment C_SignFinal(MemorySegment struct) {
        return struct.get(C_SignFinal$LAYOUT, C_SignFinal$OFFSET);
    }

    private static final AddressLayout C_SignRecoverInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SignRecoverInit"));
    private static final long C_SignRecoverInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_SignRecoverInit"));

    /** Getter for field: {@snippet lang=c : CK_C_SignRecoverInit C_SignRecoverInit} */
    public static MemorySegment C_SignRecoverInit(MemorySegment struct) {
        return struct.get(C_SignRecoverInit$LAYOUT, C_SignRecoverInit$OFFSET);
    }

    private static final AddressLayout C_SignRecover$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SignRecover"));
    private static final long C_SignRecover$OFFSET = $LAYOUT.byteOffset(groupElement("C_SignRecover"));

    /** Getter for field: {@snippet lang=c : CK_C_SignRecover C_SignRecover} */
    public static MemorySegment C_SignRecover(MemorySegment struct) {
        return struct.get(C_SignRecover$LAYOUT, C_SignRecover$OFFSET);
    }

    private static final AddressLayout C_VerifyInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_VerifyInit"));
    private static final long C_VerifyInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_VerifyInit"));

    /** Getter for field: {@snippet lang=c : CK_C_VerifyInit C_VerifyInit} */
    public static MemorySegment C_VerifyInit(MemorySegment struct) {
        return struct.get(C_VerifyInit$LAYOUT, C_VerifyInit$OFFSET);
    }

    private static final AddressLayout C_Verify$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_Verify"));
    private static final long C_Verify$OFFSET = $LAYOUT.byteOffset(groupElement("C_Verify"));

    /** Getter for field: {@snippet lang=c : CK_C_Verify C_Verify} */
    public static MemorySegment C_Verify(MemorySegment struct) {
        return struct.get(C_Verify$LAYOUT, C_Verify$OFFSET);
    }

    private static final AddressLayout C_VerifyUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_VerifyUpdate"));
    private static final long C_VerifyUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_VerifyUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_VerifyUpdate C_VerifyUpdate} */
    public static MemorySegment C_VerifyUpdate(MemorySegment struct) {
        return struct.get(C_VerifyUpdate$LAYOUT, C_VerifyUpdate$OFFSET);
    }

    private static final AddressLayout C_VerifyFinal$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_VerifyFinal"));
    private static final long C_VerifyFinal$OFFSET = $LAYOUT.byteOffset(groupElement("C_VerifyFinal"));

    /** Getter for field: {@snippet lang=c : CK_C_VerifyFinal C_VerifyFinal} */
    public static MemorySegment C_VerifyFinal(MemorySegment struct) {
        return struct.get(C_VerifyFinal$LAYOUT, C_VerifyFinal$OFFSET);
    }

    private static final AddressLayout C_VerifyRecoverInit$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_VerifyRecoverInit"));
    private static final long C_VerifyRecoverInit$OFFSET = $LAYOUT.byteOffset(groupElement("C_VerifyRecoverInit"));

    /** Getter for field: {@snippet lang=c : CK_C_VerifyRecoverInit C_VerifyRecoverInit} */
    public static MemorySegment C_VerifyRecoverInit(MemorySegment struct) {
        return struct.get(C_VerifyRecoverInit$LAYOUT, C_VerifyRecoverInit$OFFSET);
    }

    private static final AddressLayout C_VerifyRecover$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_VerifyRecover"));
    private static final long C_VerifyRecover$OFFSET = $LAYOUT.byteOffset(groupElement("C_VerifyRecover"));

    /** Getter for field: {@snippet lang=c : CK_C_VerifyRecover C_VerifyRecover} */
    public static MemorySegment C_VerifyRecover(MemorySegment struct) {
        return struct.get(C_VerifyRecover$LAYOUT, C_VerifyRecover$OFFSET);
    }

    private static final AddressLayout C_DigestEncryptUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DigestEncryptUpdate"));
    private static final long C_DigestEncryptUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_DigestEncryptUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_DigestEncryptUpdate C_DigestEncryptUpdate} */
    public static MemorySegment C_DigestEncryptUpdate(MemorySegment struct) {
        return struct.get(C_DigestEncryptUpdate$LAYOUT, C_DigestEncryptUpdate$OFFSET);
    }

    private static final AddressLayout C_DecryptDigestUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DecryptDigestUpdate"));
    private static final long C_DecryptDigestUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_DecryptDigestUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_DecryptDigestUpdate C_DecryptDigestUpdate} */
    public static MemorySegment C_DecryptDigestUpdate(MemorySegment struct) {
        return struct.get(C_DecryptDigestUpdate$LAYOUT, C_DecryptDigestUpdate$OFFSET);
    }

    private static final AddressLayout C_SignEncryptUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SignEncryptUpdate"));
    private static final long C_SignEncryptUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_SignEncryptUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_SignEncryptUpdate C_SignEncryptUpdate} */
    public static MemorySegment C_SignEncryptUpdate(MemorySegment struct) {
        return struct.get(C_SignEncryptUpdate$LAYOUT, C_SignEncryptUpdate$OFFSET);
    }

    private static final AddressLayout C_DecryptVerifyUpdate$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DecryptVerifyUpdate"));
    private static final long C_DecryptVerifyUpdate$OFFSET = $LAYOUT.byteOffset(groupElement("C_DecryptVerifyUpdate"));

    /** Getter for field: {@snippet lang=c : CK_C_DecryptVerifyUpdate C_DecryptVerifyUpdate} */
    public static MemorySegment C_DecryptVerifyUpdate(MemorySegment struct) {
        return struct.get(C_DecryptVerifyUpdate$LAYOUT, C_DecryptVerifyUpdate$OFFSET);
    }

    private static final AddressLayout C_GenerateKey$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GenerateKey"));
    private static final long C_GenerateKey$OFFSET = $LAYOUT.byteOffset(groupElement("C_GenerateKey"));

    /** Getter for field: {@snippet lang=c : CK_C_GenerateKey C_GenerateKey} */
    public static MemorySegment C_GenerateKey(MemorySegment struct) {
        return struct.get(C_GenerateKey$LAYOUT, C_GenerateKey$OFFSET);
    }

    private static final AddressLayout C_GenerateKeyPair$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GenerateKeyPair"));
    private static final long C_GenerateKeyPair$OFFSET = $LAYOUT.byteOffset(groupElement("C_GenerateKeyPair"));

    /** Getter for field: {@snippet lang=c : CK_C_GenerateKeyPair C_GenerateKeyPair} */
    public static MemorySegment C_GenerateKeyPair(MemorySegment struct) {
        return struct.get(C_GenerateKeyPair$LAYOUT, C_GenerateKeyPair$OFFSET);
    }

    private static final AddressLayout C_WrapKey$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_WrapKey"));
    private static final long C_WrapKey$OFFSET = $LAYOUT.byteOffset(groupElement("C_WrapKey"));

    /** Getter for field: {@snippet lang=c : CK_C_WrapKey C_WrapKey} */
    public static MemorySegment C_WrapKey(MemorySegment struct) {
        return struct.get(C_WrapKey$LAYOUT, C_WrapKey$OFFSET);
    }

    private static final AddressLayout C_UnwrapKey$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_UnwrapKey"));
    private static final long C_UnwrapKey$OFFSET = $LAYOUT.byteOffset(groupElement("C_UnwrapKey"));

    /** Getter for field: {@snippet lang=c : CK_C_UnwrapKey C_UnwrapKey} */
    public static MemorySegment C_UnwrapKey(MemorySegment struct) {
        return struct.get(C_UnwrapKey$LAYOUT, C_UnwrapKey$OFFSET);
    }

    private static final AddressLayout C_DeriveKey$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_DeriveKey"));
    private static final long C_DeriveKey$OFFSET = $LAYOUT.byteOffset(groupElement("C_DeriveKey"));

    /** Getter for field: {@snippet lang=c : CK_C_DeriveKey C_DeriveKey} */
    public static MemorySegment C_DeriveKey(MemorySegment struct) {
        return struct.get(C_DeriveKey$LAYOUT, C_DeriveKey$OFFSET);
    }

    private static final AddressLayout C_SeedRandom$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_SeedRandom"));
    private static final long C_SeedRandom$OFFSET = $LAYOUT.byteOffset(groupElement("C_SeedRandom"));

    /** Getter for field: {@snippet lang=c : CK_C_SeedRandom C_SeedRandom} */
    public static MemorySegment C_SeedRandom(MemorySegment struct) {
        return struct.get(C_SeedRandom$LAYOUT, C_SeedRandom$OFFSET);
    }

    private static final AddressLayout C_GenerateRandom$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GenerateRandom"));
    private static final long C_GenerateRandom$OFFSET = $LAYOUT.byteOffset(groupElement("C_GenerateRandom"));

    /** Getter for field: {@snippet lang=c : CK_C_GenerateRandom C_GenerateRandom} */
    public static MemorySegment C_GenerateRandom(MemorySegment struct) {
        return struct.get(C_GenerateRandom$LAYOUT, C_GenerateRandom$OFFSET);
    }

    private static final AddressLayout C_GetFunctionStatus$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_GetFunctionStatus"));
    private static final long C_GetFunctionStatus$OFFSET = $LAYOUT.byteOffset(groupElement("C_GetFunctionStatus"));

    /** Getter for field: {@snippet lang=c : CK_C_GetFunctionStatus C_GetFunctionStatus} */
    public static MemorySegment C_GetFunctionStatus(MemorySegment struct) {
        return struct.get(C_GetFunctionStatus$LAYOUT, C_GetFunctionStatus$OFFSET);
    }

    private static final AddressLayout C_CancelFunction$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_CancelFunction"));
    private static final long C_CancelFunction$OFFSET = $LAYOUT.byteOffset(groupElement("C_CancelFunction"));

    /** Getter for field: {@snippet lang=c : CK_C_CancelFunction C_CancelFunction} */
    public static MemorySegment C_CancelFunction(MemorySegment struct) {
        return struct.get(C_CancelFunction$LAYOUT, C_CancelFunction$OFFSET);
    }

    private static final AddressLayout C_WaitForSlotEvent$LAYOUT = (AddressLayout) $LAYOUT.select(groupElement("C_WaitForSlotEvent"));
    private static final long C_WaitForSlotEvent$OFFSET = $LAYOUT.byteOffset(groupElement("C_WaitForSlotEvent"));

    /** Getter for field: {@snippet lang=c : CK_C_WaitForSlotEvent C_WaitForSlotEvent} */
    public static MemorySegment C_WaitForSlotEvent(MemorySegment struct) {
        return struct.get(C_WaitForSlotEvent$LAYOUT, C_WaitForSlotEvent$OFFSET);
    }

    /** Reinterprets a pointer to a function list as a segment of this struct's size. */
    public static MemorySegment reinterpret(MemorySegment addr) {
        return addr.reinterpret($LAYOUT.byteSize());
    }
}
