// Written by hand in the shape jextract (JDK 22+) gives for pkcs11.h (OASIS PKCS #11 v2.40 errata 01, with the
// CK_INTERFACE / C_GetInterface additions of v3.0), Linux x86-64 and aarch64 (LP64: CK_ULONG is 64 bits, no packing).
// Not generated: headers and symbols are in native-bindings/jextract/; regenerate.sh compares with jextract's output.

package dev.sigil.pkcs11.gen;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.ValueLayout;

/**
 * The C types and macros of {@code pkcs11.h} (PKCS #11 v2.40, plus the v3.0 key type {@code CKK_EC_EDWARDS},
 * mechanism {@code CKM_EDDSA} and the {@code CK_INTERFACE} entry point). Entry points of the module itself are
 * {@code C_GetFunctionList} ({@link CK_C_GetFunctionList}) and, for v3.0 modules, {@code C_GetInterface}
 * ({@link CK_C_GetInterface}); every other function is reached through {@link CK_FUNCTION_LIST}.
 */
public final class pkcs11_h {

    private pkcs11_h() {
    }

    /** {@code CK_BYTE}, {@code CK_BBOOL}, {@code CK_UTF8CHAR}: unsigned char. */
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    /** {@code CK_ULONG} and every type defined from it: unsigned long, 64 bits on LP64 Linux. */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** Any pointer. */
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** The symbol a module exports for its v2.x function list. */
    public static final String C_GetFunctionList$NAME = "C_GetFunctionList";
    /** The symbol a v3.0 module exports for its interfaces. */
    public static final String C_GetInterface$NAME = "C_GetInterface";

    private static final long CK_TRUE = 1L;

    /** {@snippet lang=c : #define CK_TRUE 1} */
    public static long CK_TRUE() {
        return CK_TRUE;
    }

    private static final long CK_FALSE = 0L;

    /** {@snippet lang=c : #define CK_FALSE 0} */
    public static long CK_FALSE() {
        return CK_FALSE;
    }

    private static final long CK_INVALID_HANDLE = 0L;

    /** {@snippet lang=c : #define CK_INVALID_HANDLE 0} */
    public static long CK_INVALID_HANDLE() {
        return CK_INVALID_HANDLE;
    }

    private static final long CK_UNAVAILABLE_INFORMATION = -1L;

    /** {@snippet lang=c : #define CK_UNAVAILABLE_INFORMATION -1} */
    public static long CK_UNAVAILABLE_INFORMATION() {
        return CK_UNAVAILABLE_INFORMATION;
    }

    private static final long CKU_SO = 0L;

    /** {@snippet lang=c : #define CKU_SO 0} */
    public static long CKU_SO() {
        return CKU_SO;
    }

    private static final long CKU_USER = 1L;

    /** {@snippet lang=c : #define CKU_USER 1} */
    public static long CKU_USER() {
        return CKU_USER;
    }

    private static final long CKU_CONTEXT_SPECIFIC = 2L;

    /** {@snippet lang=c : #define CKU_CONTEXT_SPECIFIC 2} */
    public static long CKU_CONTEXT_SPECIFIC() {
        return CKU_CONTEXT_SPECIFIC;
    }

    private static final long CKS_RO_PUBLIC_SESSION = 0L;

    /** {@snippet lang=c : #define CKS_RO_PUBLIC_SESSION 0} */
    public static long CKS_RO_PUBLIC_SESSION() {
        return CKS_RO_PUBLIC_SESSION;
    }

    private static final long CKS_RO_USER_FUNCTIONS = 1L;

    /** {@snippet lang=c : #define CKS_RO_USER_FUNCTIONS 1} */
    public static long CKS_RO_USER_FUNCTIONS() {
        return CKS_RO_USER_FUNCTIONS;
    }

    private static final long CKS_RW_PUBLIC_SESSION = 2L;

    /** {@snippet lang=c : #define CKS_RW_PUBLIC_SESSION 2} */
    public static long CKS_RW_PUBLIC_SESSION() {
        return CKS_RW_PUBLIC_SESSION;
    }

    private static final long CKS_RW_USER_FUNCTIONS = 3L;

    /** {@snippet lang=c : #define CKS_RW_USER_FUNCTIONS 3} */
    public static long CKS_RW_USER_FUNCTIONS() {
        return CKS_RW_USER_FUNCTIONS;
    }

    private static final long CKS_RW_SO_FUNCTIONS = 4L;

    /** {@snippet lang=c : #define CKS_RW_SO_FUNCTIONS 4} */
    public static long CKS_RW_SO_FUNCTIONS() {
        return CKS_RW_SO_FUNCTIONS;
    }

    private static final long CKF_TOKEN_PRESENT = 0x1L;

    /** {@snippet lang=c : #define CKF_TOKEN_PRESENT 0x1} */
    public static long CKF_TOKEN_PRESENT() {
        return CKF_TOKEN_PRESENT;
    }

    private static final long CKF_REMOVABLE_DEVICE = 0x2L;

    /** {@snippet lang=c : #define CKF_REMOVABLE_DEVICE 0x2} */
    public static long CKF_REMOVABLE_DEVICE() {
        return CKF_REMOVABLE_DEVICE;
    }

    private static final long CKF_HW_SLOT = 0x4L;

    /** {@snippet lang=c : #define CKF_HW_SLOT 0x4} */
    public static long CKF_HW_SLOT() {
        return CKF_HW_SLOT;
    }

    private static final long CKF_RNG = 0x1L;

    /** {@snippet lang=c : #define CKF_RNG 0x1} */
    public static long CKF_RNG() {
        return CKF_RNG;
    }

    private static final long CKF_WRITE_PROTECTED = 0x2L;

    /** {@snippet lang=c : #define CKF_WRITE_PROTECTED 0x2} */
    public static long CKF_WRITE_PROTECTED() {
        return CKF_WRITE_PROTECTED;
    }

    private static final long CKF_LOGIN_REQUIRED = 0x4L;

    /** {@snippet lang=c : #define CKF_LOGIN_REQUIRED 0x4} */
    public static long CKF_LOGIN_REQUIRED() {
        return CKF_LOGIN_REQUIRED;
    }

    private static final long CKF_USER_PIN_INITIALIZED = 0x8L;

    /** {@snippet lang=c : #define CKF_USER_PIN_INITIALIZED 0x8} */
    public static long CKF_USER_PIN_INITIALIZED() {
        return CKF_USER_PIN_INITIALIZED;
    }

    private static final long CKF_TOKEN_INITIALIZED = 0x400L;

    /** {@snippet lang=c : #define CKF_TOKEN_INITIALIZED 0x400} */
    public static long CKF_TOKEN_INITIALIZED() {
        return CKF_TOKEN_INITIALIZED;
    }

    private static final long CKF_USER_PIN_COUNT_LOW = 0x10000L;

    /** {@snippet lang=c : #define CKF_USER_PIN_COUNT_LOW 0x10000} */
    public static long CKF_USER_PIN_COUNT_LOW() {
        return CKF_USER_PIN_COUNT_LOW;
    }

    private static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;

    /** {@snippet lang=c : #define CKF_USER_PIN_FINAL_TRY 0x20000} */
    public static long CKF_USER_PIN_FINAL_TRY() {
        return CKF_USER_PIN_FINAL_TRY;
    }

    private static final long CKF_USER_PIN_LOCKED = 0x40000L;

    /** {@snippet lang=c : #define CKF_USER_PIN_LOCKED 0x40000} */
    public static long CKF_USER_PIN_LOCKED() {
        return CKF_USER_PIN_LOCKED;
    }

    private static final long CKF_RW_SESSION = 0x2L;

    /** {@snippet lang=c : #define CKF_RW_SESSION 0x2} */
    public static long CKF_RW_SESSION() {
        return CKF_RW_SESSION;
    }

    private static final long CKF_SERIAL_SESSION = 0x4L;

    /** {@snippet lang=c : #define CKF_SERIAL_SESSION 0x4} */
    public static long CKF_SERIAL_SESSION() {
        return CKF_SERIAL_SESSION;
    }

    private static final long CKF_LIBRARY_CANT_CREATE_OS_THREADS = 0x1L;

    /** {@snippet lang=c : #define CKF_LIBRARY_CANT_CREATE_OS_THREADS 0x1} */
    public static long CKF_LIBRARY_CANT_CREATE_OS_THREADS() {
        return CKF_LIBRARY_CANT_CREATE_OS_THREADS;
    }

    private static final long CKF_OS_LOCKING_OK = 0x2L;

    /** {@snippet lang=c : #define CKF_OS_LOCKING_OK 0x2} */
    public static long CKF_OS_LOCKING_OK() {
        return CKF_OS_LOCKING_OK;
    }

    private static final long CKF_HW = 0x1L;

    /** {@snippet lang=c : #define CKF_HW 0x1} */
    public static long CKF_HW() {
        return CKF_HW;
    }

    private static final long CKF_SIGN = 0x800L;

    /** {@snippet lang=c : #define CKF_SIGN 0x800} */
    public static long CKF_SIGN() {
        return CKF_SIGN;
    }

    private static final long CKF_VERIFY = 0x2000L;

    /** {@snippet lang=c : #define CKF_VERIFY 0x2000} */
    public static long CKF_VERIFY() {
        return CKF_VERIFY;
    }

    private static final long CKF_GENERATE_KEY_PAIR = 0x10000L;

    /** {@snippet lang=c : #define CKF_GENERATE_KEY_PAIR 0x10000} */
    public static long CKF_GENERATE_KEY_PAIR() {
        return CKF_GENERATE_KEY_PAIR;
    }

    private static final long CKF_EC_F_P = 0x100000L;

    /** {@snippet lang=c : #define CKF_EC_F_P 0x100000} */
    public static long CKF_EC_F_P() {
        return CKF_EC_F_P;
    }

    private static final long CKF_EC_NAMEDCURVE = 0x800000L;

    /** {@snippet lang=c : #define CKF_EC_NAMEDCURVE 0x800000} */
    public static long CKF_EC_NAMEDCURVE() {
        return CKF_EC_NAMEDCURVE;
    }

    private static final long CKF_EC_UNCOMPRESS = 0x1000000L;

    /** {@snippet lang=c : #define CKF_EC_UNCOMPRESS 0x1000000} */
    public static long CKF_EC_UNCOMPRESS() {
        return CKF_EC_UNCOMPRESS;
    }

    private static final long CKF_EC_COMPRESS = 0x2000000L;

    /** {@snippet lang=c : #define CKF_EC_COMPRESS 0x2000000} */
    public static long CKF_EC_COMPRESS() {
        return CKF_EC_COMPRESS;
    }

    private static final long CKO_DATA = 0x0L;

    /** {@snippet lang=c : #define CKO_DATA 0x0} */
    public static long CKO_DATA() {
        return CKO_DATA;
    }

    private static final long CKO_CERTIFICATE = 0x1L;

    /** {@snippet lang=c : #define CKO_CERTIFICATE 0x1} */
    public static long CKO_CERTIFICATE() {
        return CKO_CERTIFICATE;
    }

    private static final long CKO_PUBLIC_KEY = 0x2L;

    /** {@snippet lang=c : #define CKO_PUBLIC_KEY 0x2} */
    public static long CKO_PUBLIC_KEY() {
        return CKO_PUBLIC_KEY;
    }

    private static final long CKO_PRIVATE_KEY = 0x3L;

    /** {@snippet lang=c : #define CKO_PRIVATE_KEY 0x3} */
    public static long CKO_PRIVATE_KEY() {
        return CKO_PRIVATE_KEY;
    }

    private static final long CKO_SECRET_KEY = 0x4L;

    /** {@snippet lang=c : #define CKO_SECRET_KEY 0x4} */
    public static long CKO_SECRET_KEY() {
        return CKO_SECRET_KEY;
    }

    private static final long CKK_RSA = 0x0L;

    /** {@snippet lang=c : #define CKK_RSA 0x0} */
    public static long CKK_RSA() {
        return CKK_RSA;
    }

    private static final long CKK_EC = 0x3L;

    /** {@snippet lang=c : #define CKK_EC 0x3} */
    public static long CKK_EC() {
        return CKK_EC;
    }

    private static final long CKK_EC_EDWARDS = 0x40L;

    /** {@snippet lang=c : #define CKK_EC_EDWARDS 0x40} */
    public static long CKK_EC_EDWARDS() {
        return CKK_EC_EDWARDS;
    }

    private static final long CKK_EC_MONTGOMERY = 0x41L;

    /** {@snippet lang=c : #define CKK_EC_MONTGOMERY 0x41} */
    public static long CKK_EC_MONTGOMERY() {
        return CKK_EC_MONTGOMERY;
    }

    private static final long CKK_VENDOR_DEFINED = 0x80000000L;

    /** {@snippet lang=c : #define CKK_VENDOR_DEFINED 0x80000000} */
    public static long CKK_VENDOR_DEFINED() {
        return CKK_VENDOR_DEFINED;
    }

    private static final long CKA_CLASS = 0x0L;

    /** {@snippet lang=c : #define CKA_CLASS 0x0} */
    public static long CKA_CLASS() {
        return CKA_CLASS;
    }

    private static final long CKA_TOKEN = 0x1L;

    /** {@snippet lang=c : #define CKA_TOKEN 0x1} */
    public static long CKA_TOKEN() {
        return CKA_TOKEN;
    }

    private static final long CKA_PRIVATE = 0x2L;

    /** {@snippet lang=c : #define CKA_PRIVATE 0x2} */
    public static long CKA_PRIVATE() {
        return CKA_PRIVATE;
    }

    private static final long CKA_LABEL = 0x3L;

    /** {@snippet lang=c : #define CKA_LABEL 0x3} */
    public static long CKA_LABEL() {
        return CKA_LABEL;
    }

    private static final long CKA_VALUE = 0x11L;

    /** {@snippet lang=c : #define CKA_VALUE 0x11} */
    public static long CKA_VALUE() {
        return CKA_VALUE;
    }

    private static final long CKA_KEY_TYPE = 0x100L;

    /** {@snippet lang=c : #define CKA_KEY_TYPE 0x100} */
    public static long CKA_KEY_TYPE() {
        return CKA_KEY_TYPE;
    }

    private static final long CKA_ID = 0x102L;

    /** {@snippet lang=c : #define CKA_ID 0x102} */
    public static long CKA_ID() {
        return CKA_ID;
    }

    private static final long CKA_SENSITIVE = 0x103L;

    /** {@snippet lang=c : #define CKA_SENSITIVE 0x103} */
    public static long CKA_SENSITIVE() {
        return CKA_SENSITIVE;
    }

    private static final long CKA_ENCRYPT = 0x104L;

    /** {@snippet lang=c : #define CKA_ENCRYPT 0x104} */
    public static long CKA_ENCRYPT() {
        return CKA_ENCRYPT;
    }

    private static final long CKA_DECRYPT = 0x105L;

    /** {@snippet lang=c : #define CKA_DECRYPT 0x105} */
    public static long CKA_DECRYPT() {
        return CKA_DECRYPT;
    }

    private static final long CKA_WRAP = 0x106L;

    /** {@snippet lang=c : #define CKA_WRAP 0x106} */
    public static long CKA_WRAP() {
        return CKA_WRAP;
    }

    private static final long CKA_UNWRAP = 0x107L;

    /** {@snippet lang=c : #define CKA_UNWRAP 0x107} */
    public static long CKA_UNWRAP() {
        return CKA_UNWRAP;
    }

    private static final long CKA_SIGN = 0x108L;

    /** {@snippet lang=c : #define CKA_SIGN 0x108} */
    public static long CKA_SIGN() {
        return CKA_SIGN;
    }

    private static final long CKA_SIGN_RECOVER = 0x109L;

    /** {@snippet lang=c : #define CKA_SIGN_RECOVER 0x109} */
    public static long CKA_SIGN_RECOVER() {
        return CKA_SIGN_RECOVER;
    }

    private static final long CKA_VERIFY = 0x10AL;

    /** {@snippet lang=c : #define CKA_VERIFY 0x10A} */
    public static long CKA_VERIFY() {
        return CKA_VERIFY;
    }

    private static final long CKA_VERIFY_RECOVER = 0x10BL;

    /** {@snippet lang=c : #define CKA_VERIFY_RECOVER 0x10B} */
    public static long CKA_VERIFY_RECOVER() {
        return CKA_VERIFY_RECOVER;
    }

    private static final long CKA_DERIVE = 0x10CL;

    /** {@snippet lang=c : #define CKA_DERIVE 0x10C} */
    public static long CKA_DERIVE() {
        return CKA_DERIVE;
    }

    private static final long CKA_EXTRACTABLE = 0x162L;

    /** {@snippet lang=c : #define CKA_EXTRACTABLE 0x162} */
    public static long CKA_EXTRACTABLE() {
        return CKA_EXTRACTABLE;
    }

    private static final long CKA_LOCAL = 0x163L;

    /** {@snippet lang=c : #define CKA_LOCAL 0x163} */
    public static long CKA_LOCAL() {
        return CKA_LOCAL;
    }

    private static final long CKA_NEVER_EXTRACTABLE = 0x164L;

    /** {@snippet lang=c : #define CKA_NEVER_EXTRACTABLE 0x164} */
    public static long CKA_NEVER_EXTRACTABLE() {
        return CKA_NEVER_EXTRACTABLE;
    }

    private static final long CKA_ALWAYS_SENSITIVE = 0x165L;

    /** {@snippet lang=c : #define CKA_ALWAYS_SENSITIVE 0x165} */
    public static long CKA_ALWAYS_SENSITIVE() {
        return CKA_ALWAYS_SENSITIVE;
    }

    private static final long CKA_MODIFIABLE = 0x170L;

    /** {@snippet lang=c : #define CKA_MODIFIABLE 0x170} */
    public static long CKA_MODIFIABLE() {
        return CKA_MODIFIABLE;
    }

    private static final long CKA_EC_PARAMS = 0x180L;

    /** {@snippet lang=c : #define CKA_EC_PARAMS 0x180} */
    public static long CKA_EC_PARAMS() {
        return CKA_EC_PARAMS;
    }

    private static final long CKA_EC_POINT = 0x181L;

    /** {@snippet lang=c : #define CKA_EC_POINT 0x181} */
    public static long CKA_EC_POINT() {
        return CKA_EC_POINT;
    }

    private static final long CKM_EC_KEY_PAIR_GEN = 0x1040L;

    /** {@snippet lang=c : #define CKM_EC_KEY_PAIR_GEN 0x1040} */
    public static long CKM_EC_KEY_PAIR_GEN() {
        return CKM_EC_KEY_PAIR_GEN;
    }

    private static final long CKM_ECDSA = 0x1041L;

    /** {@snippet lang=c : #define CKM_ECDSA 0x1041} */
    public static long CKM_ECDSA() {
        return CKM_ECDSA;
    }

    private static final long CKM_ECDSA_SHA1 = 0x1042L;

    /** {@snippet lang=c : #define CKM_ECDSA_SHA1 0x1042} */
    public static long CKM_ECDSA_SHA1() {
        return CKM_ECDSA_SHA1;
    }

    private static final long CKM_ECDSA_SHA224 = 0x1043L;

    /** {@snippet lang=c : #define CKM_ECDSA_SHA224 0x1043} */
    public static long CKM_ECDSA_SHA224() {
        return CKM_ECDSA_SHA224;
    }

    private static final long CKM_ECDSA_SHA256 = 0x1044L;

    /** {@snippet lang=c : #define CKM_ECDSA_SHA256 0x1044} */
    public static long CKM_ECDSA_SHA256() {
        return CKM_ECDSA_SHA256;
    }

    private static final long CKM_ECDSA_SHA384 = 0x1045L;

    /** {@snippet lang=c : #define CKM_ECDSA_SHA384 0x1045} */
    public static long CKM_ECDSA_SHA384() {
        return CKM_ECDSA_SHA384;
    }

    private static final long CKM_ECDSA_SHA512 = 0x1046L;

    /** {@snippet lang=c : #define CKM_ECDSA_SHA512 0x1046} */
    public static long CKM_ECDSA_SHA512() {
        return CKM_ECDSA_SHA512;
    }

    private static final long CKM_EC_EDWARDS_KEY_PAIR_GEN = 0x1055L;

    /** {@snippet lang=c : #define CKM_EC_EDWARDS_KEY_PAIR_GEN 0x1055} */
    public static long CKM_EC_EDWARDS_KEY_PAIR_GEN() {
        return CKM_EC_EDWARDS_KEY_PAIR_GEN;
    }

    private static final long CKM_EDDSA = 0x1057L;

    /** {@snippet lang=c : #define CKM_EDDSA 0x1057} */
    public static long CKM_EDDSA() {
        return CKM_EDDSA;
    }

    private static final long CKM_VENDOR_DEFINED = 0x80000000L;

    /** {@snippet lang=c : #define CKM_VENDOR_DEFINED 0x80000000} */
    public static long CKM_VENDOR_DEFINED() {
        return CKM_VENDOR_DEFINED;
    }

    private static final long CKR_OK = 0x0L;

    /** {@snippet lang=c : #define CKR_OK 0x0} */
    public static long CKR_OK() {
        return CKR_OK;
    }

    private static final long CKR_CANCEL = 0x1L;

    /** {@snippet lang=c : #define CKR_CANCEL 0x1} */
    public static long CKR_CANCEL() {
        return CKR_CANCEL;
    }

    private static final long CKR_HOST_MEMORY = 0x2L;

    /** {@snippet lang=c : #define CKR_HOST_MEMORY 0x2} */
    public static long CKR_HOST_MEMORY() {
        return CKR_HOST_MEMORY;
    }

    private static final long CKR_SLOT_ID_INVALID = 0x3L;

    /** {@snippet lang=c : #define CKR_SLOT_ID_INVALID 0x3} */
    public static long CKR_SLOT_ID_INVALID() {
        return CKR_SLOT_ID_INVALID;
    }

    private static final long CKR_GENERAL_ERROR = 0x5L;

    /** {@snippet lang=c : #define CKR_GENERAL_ERROR 0x5} */
    public static long CKR_GENERAL_ERROR() {
        return CKR_GENERAL_ERROR;
    }

    private static final long CKR_FUNCTION_FAILED = 0x6L;

    /** {@snippet lang=c : #define CKR_FUNCTION_FAILED 0x6} */
    public static long CKR_FUNCTION_FAILED() {
        return CKR_FUNCTION_FAILED;
    }

    private static final long CKR_ARGUMENTS_BAD = 0x7L;

    /** {@snippet lang=c : #define CKR_ARGUMENTS_BAD 0x7} */
    public static long CKR_ARGUMENTS_BAD() {
        return CKR_ARGUMENTS_BAD;
    }

    private static final long CKR_NO_EVENT = 0x8L;

    /** {@snippet lang=c : #define CKR_NO_EVENT 0x8} */
    public static long CKR_NO_EVENT() {
        return CKR_NO_EVENT;
    }

    private static final long CKR_NEED_TO_CREATE_THREADS = 0x9L;

    /** {@snippet lang=c : #define CKR_NEED_TO_CREATE_THREADS 0x9} */
    public static long CKR_NEED_TO_CREATE_THREADS() {
        return CKR_NEED_TO_CREATE_THREADS;
    }

    private static final long CKR_CANT_LOCK = 0xAL;

    /** {@snippet lang=c : #define CKR_CANT_LOCK 0xA} */
    public static long CKR_CANT_LOCK() {
        return CKR_CANT_LOCK;
    }

    private static final long CKR_ATTRIBUTE_READ_ONLY = 0x10L;

    /** {@snippet lang=c : #define CKR_ATTRIBUTE_READ_ONLY 0x10} */
    public static long CKR_ATTRIBUTE_READ_ONLY() {
        return CKR_ATTRIBUTE_READ_ONLY;
    }

    private static final long CKR_ATTRIBUTE_SENSITIVE = 0x11L;

    /** {@snippet lang=c : #define CKR_ATTRIBUTE_SENSITIVE 0x11} */
    public static long CKR_ATTRIBUTE_SENSITIVE() {
        return CKR_ATTRIBUTE_SENSITIVE;
    }

    private static final long CKR_ATTRIBUTE_TYPE_INVALID = 0x12L;

    /** {@snippet lang=c : #define CKR_ATTRIBUTE_TYPE_INVALID 0x12} */
    public static long CKR_ATTRIBUTE_TYPE_INVALID() {
        return CKR_ATTRIBUTE_TYPE_INVALID;
    }

    private static final long CKR_ATTRIBUTE_VALUE_INVALID = 0x13L;

    /** {@snippet lang=c : #define CKR_ATTRIBUTE_VALUE_INVALID 0x13} */
    public static long CKR_ATTRIBUTE_VALUE_INVALID() {
        return CKR_ATTRIBUTE_VALUE_INVALID;
    }

    private static final long CKR_ACTION_PROHIBITED = 0x1BL;

    /** {@snippet lang=c : #define CKR_ACTION_PROHIBITED 0x1B} */
    public static long CKR_ACTION_PROHIBITED() {
        return CKR_ACTION_PROHIBITED;
    }

    private static final long CKR_DATA_INVALID = 0x20L;

    /** {@snippet lang=c : #define CKR_DATA_INVALID 0x20} */
    public static long CKR_DATA_INVALID() {
        return CKR_DATA_INVALID;
    }

    private static final long CKR_DATA_LEN_RANGE = 0x21L;

    /** {@snippet lang=c : #define CKR_DATA_LEN_RANGE 0x21} */
    public static long CKR_DATA_LEN_RANGE() {
        return CKR_DATA_LEN_RANGE;
    }

    private static final long CKR_DEVICE_ERROR = 0x30L;

    /** {@snippet lang=c : #define CKR_DEVICE_ERROR 0x30} */
    public static long CKR_DEVICE_ERROR() {
        return CKR_DEVICE_ERROR;
    }

    private static final long CKR_DEVICE_MEMORY = 0x31L;

    /** {@snippet lang=c : #define CKR_DEVICE_MEMORY 0x31} */
    public static long CKR_DEVICE_MEMORY() {
        return CKR_DEVICE_MEMORY;
    }

    private static final long CKR_DEVICE_REMOVED = 0x32L;

    /** {@snippet lang=c : #define CKR_DEVICE_REMOVED 0x32} */
    public static long CKR_DEVICE_REMOVED() {
        return CKR_DEVICE_REMOVED;
    }

    private static final long CKR_ENCRYPTED_DATA_INVALID = 0x40L;

    /** {@snippet lang=c : #define CKR_ENCRYPTED_DATA_INVALID 0x40} */
    public static long CKR_ENCRYPTED_DATA_INVALID() {
        return CKR_ENCRYPTED_DATA_INVALID;
    }

    private static final long CKR_ENCRYPTED_DATA_LEN_RANGE = 0x41L;

    /** {@snippet lang=c : #define CKR_ENCRYPTED_DATA_LEN_RANGE 0x41} */
    public static long CKR_ENCRYPTED_DATA_LEN_RANGE() {
        return CKR_ENCRYPTED_DATA_LEN_RANGE;
    }

    private static final long CKR_FUNCTION_CANCELED = 0x50L;

    /** {@snippet lang=c : #define CKR_FUNCTION_CANCELED 0x50} */
    public static long CKR_FUNCTION_CANCELED() {
        return CKR_FUNCTION_CANCELED;
    }

    private static final long CKR_FUNCTION_NOT_PARALLEL = 0x51L;

    /** {@snippet lang=c : #define CKR_FUNCTION_NOT_PARALLEL 0x51} */
    public static long CKR_FUNCTION_NOT_PARALLEL() {
        return CKR_FUNCTION_NOT_PARALLEL;
    }

    private static final long CKR_FUNCTION_NOT_SUPPORTED = 0x54L;

    /** {@snippet lang=c : #define CKR_FUNCTION_NOT_SUPPORTED 0x54} */
    public static long CKR_FUNCTION_NOT_SUPPORTED() {
        return CKR_FUNCTION_NOT_SUPPORTED;
    }

    private static final long CKR_KEY_HANDLE_INVALID = 0x60L;

    /** {@snippet lang=c : #define CKR_KEY_HANDLE_INVALID 0x60} */
    public static long CKR_KEY_HANDLE_INVALID() {
        return CKR_KEY_HANDLE_INVALID;
    }

    private static final long CKR_KEY_SIZE_RANGE = 0x62L;

    /** {@snippet lang=c : #define CKR_KEY_SIZE_RANGE 0x62} */
    public static long CKR_KEY_SIZE_RANGE() {
        return CKR_KEY_SIZE_RANGE;
    }

    private static final long CKR_KEY_TYPE_INCONSISTENT = 0x63L;

    /** {@snippet lang=c : #define CKR_KEY_TYPE_INCONSISTENT 0x63} */
    public static long CKR_KEY_TYPE_INCONSISTENT() {
        return CKR_KEY_TYPE_INCONSISTENT;
    }

    private static final long CKR_KEY_NOT_NEEDED = 0x64L;

    /** {@snippet lang=c : #define CKR_KEY_NOT_NEEDED 0x64} */
    public static long CKR_KEY_NOT_NEEDED() {
        return CKR_KEY_NOT_NEEDED;
    }

    private static final long CKR_KEY_CHANGED = 0x65L;

    /** {@snippet lang=c : #define CKR_KEY_CHANGED 0x65} */
    public static long CKR_KEY_CHANGED() {
        return CKR_KEY_CHANGED;
    }

    private static final long CKR_KEY_NEEDED = 0x66L;

    /** {@snippet lang=c : #define CKR_KEY_NEEDED 0x66} */
    public static long CKR_KEY_NEEDED() {
        return CKR_KEY_NEEDED;
    }

    private static final long CKR_KEY_INDIGESTIBLE = 0x67L;

    /** {@snippet lang=c : #define CKR_KEY_INDIGESTIBLE 0x67} */
    public static long CKR_KEY_INDIGESTIBLE() {
        return CKR_KEY_INDIGESTIBLE;
    }

    private static final long CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68L;

    /** {@snippet lang=c : #define CKR_KEY_FUNCTION_NOT_PERMITTED 0x68} */
    public static long CKR_KEY_FUNCTION_NOT_PERMITTED() {
        return CKR_KEY_FUNCTION_NOT_PERMITTED;
    }

    private static final long CKR_KEY_NOT_WRAPPABLE = 0x69L;

    /** {@snippet lang=c : #define CKR_KEY_NOT_WRAPPABLE 0x69} */
    public static long CKR_KEY_NOT_WRAPPABLE() {
        return CKR_KEY_NOT_WRAPPABLE;
    }

    private static final long CKR_KEY_UNEXTRACTABLE = 0x6AL;

    /** {@snippet lang=c : #define CKR_KEY_UNEXTRACTABLE 0x6A} */
    public static long CKR_KEY_UNEXTRACTABLE() {
        return CKR_KEY_UNEXTRACTABLE;
    }

    private static final long CKR_MECHANISM_INVALID = 0x70L;

    /** {@snippet lang=c : #define CKR_MECHANISM_INVALID 0x70} */
    public static long CKR_MECHANISM_INVALID() {
        return CKR_MECHANISM_INVALID;
    }

    private static final long CKR_MECHANISM_PARAM_INVALID = 0x71L;

    /** {@snippet lang=c : #define CKR_MECHANISM_PARAM_INVALID 0x71} */
    public static long CKR_MECHANISM_PARAM_INVALID() {
        return CKR_MECHANISM_PARAM_INVALID;
    }

    private static final long CKR_OBJECT_HANDLE_INVALID = 0x82L;

    /** {@snippet lang=c : #define CKR_OBJECT_HANDLE_INVALID 0x82} */
    public static long CKR_OBJECT_HANDLE_INVALID() {
        return CKR_OBJECT_HANDLE_INVALID;
    }

    private static final long CKR_OPERATION_ACTIVE = 0x90L;

    /** {@snippet lang=c : #define CKR_OPERATION_ACTIVE 0x90} */
    public static long CKR_OPERATION_ACTIVE() {
        return CKR_OPERATION_ACTIVE;
    }

    private static final long CKR_OPERATION_NOT_INITIALIZED = 0x91L;

    /** {@snippet lang=c : #define CKR_OPERATION_NOT_INITIALIZED 0x91} */
    public static long CKR_OPERATION_NOT_INITIALIZED() {
        return CKR_OPERATION_NOT_INITIALIZED;
    }

    private static final long CKR_PIN_INCORRECT = 0xA0L;

    /** {@snippet lang=c : #define CKR_PIN_INCORRECT 0xA0} */
    public static long CKR_PIN_INCORRECT() {
        return CKR_PIN_INCORRECT;
    }

    private static final long CKR_PIN_INVALID = 0xA1L;

    /** {@snippet lang=c : #define CKR_PIN_INVALID 0xA1} */
    public static long CKR_PIN_INVALID() {
        return CKR_PIN_INVALID;
    }

    private static final long CKR_PIN_LEN_RANGE = 0xA2L;

    /** {@snippet lang=c : #define CKR_PIN_LEN_RANGE 0xA2} */
    public static long CKR_PIN_LEN_RANGE() {
        return CKR_PIN_LEN_RANGE;
    }

    private static final long CKR_PIN_EXPIRED = 0xA3L;

    /** {@snippet lang=c : #define CKR_PIN_EXPIRED 0xA3} */
    public static long CKR_PIN_EXPIRED() {
        return CKR_PIN_EXPIRED;
    }

    private static final long CKR_PIN_LOCKED = 0xA4L;

    /** {@snippet lang=c : #define CKR_PIN_LOCKED 0xA4} */
    public static long CKR_PIN_LOCKED() {
        return CKR_PIN_LOCKED;
    }

    private static final long CKR_SESSION_CLOSED = 0xB0L;

    /** {@snippet lang=c : #define CKR_SESSION_CLOSED 0xB0} */
    public static long CKR_SESSION_CLOSED() {
        return CKR_SESSION_CLOSED;
    }

    private static final long CKR_SESSION_COUNT = 0xB1L;

    /** {@snippet lang=c : #define CKR_SESSION_COUNT 0xB1} */
    public static long CKR_SESSION_COUNT() {
        return CKR_SESSION_COUNT;
    }

    private static final long CKR_SESSION_HANDLE_INVALID = 0xB3L;

    /** {@snippet lang=c : #define CKR_SESSION_HANDLE_INVALID 0xB3} */
    public static long CKR_SESSION_HANDLE_INVALID() {
        return CKR_SESSION_HANDLE_INVALID;
    }

    private static final long CKR_SESSION_PARALLEL_NOT_SUPPORTED = 0xB4L;

    /** {@snippet lang=c : #define CKR_SESSION_PARALLEL_NOT_SUPPORTED 0xB4} */
    public static long CKR_SESSION_PARALLEL_NOT_SUPPORTED() {
        return CKR_SESSION_PARALLEL_NOT_SUPPORTED;
    }

    private static final long CKR_SESSION_READ_ONLY = 0xB5L;

    /** {@snippet lang=c : #define CKR_SESSION_READ_ONLY 0xB5} */
    public static long CKR_SESSION_READ_ONLY() {
        return CKR_SESSION_READ_ONLY;
    }

    private static final long CKR_SESSION_EXISTS = 0xB6L;

    /** {@snippet lang=c : #define CKR_SESSION_EXISTS 0xB6} */
    public static long CKR_SESSION_EXISTS() {
        return CKR_SESSION_EXISTS;
    }

    private static final long CKR_SESSION_READ_ONLY_EXISTS = 0xB7L;

    /** {@snippet lang=c : #define CKR_SESSION_READ_ONLY_EXISTS 0xB7} */
    public static long CKR_SESSION_READ_ONLY_EXISTS() {
        return CKR_SESSION_READ_ONLY_EXISTS;
    }

    private static final long CKR_SESSION_READ_WRITE_SO_EXISTS = 0xB8L;

    /** {@snippet lang=c : #define CKR_SESSION_READ_WRITE_SO_EXISTS 0xB8} */
    public static long CKR_SESSION_READ_WRITE_SO_EXISTS() {
        return CKR_SESSION_READ_WRITE_SO_EXISTS;
    }

    private static final long CKR_SIGNATURE_INVALID = 0xC0L;

    /** {@snippet lang=c : #define CKR_SIGNATURE_INVALID 0xC0} */
    public static long CKR_SIGNATURE_INVALID() {
        return CKR_SIGNATURE_INVALID;
    }

    private static final long CKR_SIGNATURE_LEN_RANGE = 0xC1L;

    /** {@snippet lang=c : #define CKR_SIGNATURE_LEN_RANGE 0xC1} */
    public static long CKR_SIGNATURE_LEN_RANGE() {
        return CKR_SIGNATURE_LEN_RANGE;
    }

    private static final long CKR_TEMPLATE_INCOMPLETE = 0xD0L;

    /** {@snippet lang=c : #define CKR_TEMPLATE_INCOMPLETE 0xD0} */
    public static long CKR_TEMPLATE_INCOMPLETE() {
        return CKR_TEMPLATE_INCOMPLETE;
    }

    private static final long CKR_TEMPLATE_INCONSISTENT = 0xD1L;

    /** {@snippet lang=c : #define CKR_TEMPLATE_INCONSISTENT 0xD1} */
    public static long CKR_TEMPLATE_INCONSISTENT() {
        return CKR_TEMPLATE_INCONSISTENT;
    }

    private static final long CKR_TOKEN_NOT_PRESENT = 0xE0L;

    /** {@snippet lang=c : #define CKR_TOKEN_NOT_PRESENT 0xE0} */
    public static long CKR_TOKEN_NOT_PRESENT() {
        return CKR_TOKEN_NOT_PRESENT;
    }

    private static final long CKR_TOKEN_NOT_RECOGNIZED = 0xE1L;

    /** {@snippet lang=c : #define CKR_TOKEN_NOT_RECOGNIZED 0xE1} */
    public static long CKR_TOKEN_NOT_RECOGNIZED() {
        return CKR_TOKEN_NOT_RECOGNIZED;
    }

    private static final long CKR_TOKEN_WRITE_PROTECTED = 0xE2L;

    /** {@snippet lang=c : #define CKR_TOKEN_WRITE_PROTECTED 0xE2} */
    public static long CKR_TOKEN_WRITE_PROTECTED() {
        return CKR_TOKEN_WRITE_PROTECTED;
    }

    private static final long CKR_UNWRAPPING_KEY_HANDLE_INVALID = 0xF0L;

    /** {@snippet lang=c : #define CKR_UNWRAPPING_KEY_HANDLE_INVALID 0xF0} */
    public static long CKR_UNWRAPPING_KEY_HANDLE_INVALID() {
        return CKR_UNWRAPPING_KEY_HANDLE_INVALID;
    }

    private static final long CKR_UNWRAPPING_KEY_SIZE_RANGE = 0xF1L;

    /** {@snippet lang=c : #define CKR_UNWRAPPING_KEY_SIZE_RANGE 0xF1} */
    public static long CKR_UNWRAPPING_KEY_SIZE_RANGE() {
        return CKR_UNWRAPPING_KEY_SIZE_RANGE;
    }

    private static final long CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT = 0xF2L;

    /** {@snippet lang=c : #define CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT 0xF2} */
    public static long CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT() {
        return CKR_UNWRAPPING_KEY_TYPE_INCONSISTENT;
    }

    private static final long CKR_USER_ALREADY_LOGGED_IN = 0x100L;

    /** {@snippet lang=c : #define CKR_USER_ALREADY_LOGGED_IN 0x100} */
    public static long CKR_USER_ALREADY_LOGGED_IN() {
        return CKR_USER_ALREADY_LOGGED_IN;
    }

    private static final long CKR_USER_NOT_LOGGED_IN = 0x101L;

    /** {@snippet lang=c : #define CKR_USER_NOT_LOGGED_IN 0x101} */
    public static long CKR_USER_NOT_LOGGED_IN() {
        return CKR_USER_NOT_LOGGED_IN;
    }

    private static final long CKR_USER_PIN_NOT_INITIALIZED = 0x102L;

    /** {@snippet lang=c : #define CKR_USER_PIN_NOT_INITIALIZED 0x102} */
    public static long CKR_USER_PIN_NOT_INITIALIZED() {
        return CKR_USER_PIN_NOT_INITIALIZED;
    }

    private static final long CKR_USER_TYPE_INVALID = 0x103L;

    /** {@snippet lang=c : #define CKR_USER_TYPE_INVALID 0x103} */
    public static long CKR_USER_TYPE_INVALID() {
        return CKR_USER_TYPE_INVALID;
    }

    private static final long CKR_USER_ANOTHER_ALREADY_LOGGED_IN = 0x104L;

    /** {@snippet lang=c : #define CKR_USER_ANOTHER_ALREADY_LOGGED_IN 0x104} */
    public static long CKR_USER_ANOTHER_ALREADY_LOGGED_IN() {
        return CKR_USER_ANOTHER_ALREADY_LOGGED_IN;
    }

    private static final long CKR_USER_TOO_MANY_TYPES = 0x105L;

    /** {@snippet lang=c : #define CKR_USER_TOO_MANY_TYPES 0x105} */
    public static long CKR_USER_TOO_MANY_TYPES() {
        return CKR_USER_TOO_MANY_TYPES;
    }

    private static final long CKR_WRAPPED_KEY_INVALID = 0x110L;

    /** {@snippet lang=c : #define CKR_WRAPPED_KEY_INVALID 0x110} */
    public static long CKR_WRAPPED_KEY_INVALID() {
        return CKR_WRAPPED_KEY_INVALID;
    }

    private static final long CKR_WRAPPED_KEY_LEN_RANGE = 0x112L;

    /** {@snippet lang=c : #define CKR_WRAPPED_KEY_LEN_RANGE 0x112} */
    public static long CKR_WRAPPED_KEY_LEN_RANGE() {
        return CKR_WRAPPED_KEY_LEN_RANGE;
    }

    private static final long CKR_WRAPPING_KEY_HANDLE_INVALID = 0x113L;

    /** {@snippet lang=c : #define CKR_WRAPPING_KEY_HANDLE_INVALID 0x113} */
    public static long CKR_WRAPPING_KEY_HANDLE_INVALID() {
        return CKR_WRAPPING_KEY_HANDLE_INVALID;
    }

    private static final long CKR_WRAPPING_KEY_SIZE_RANGE = 0x114L;

    /** {@snippet lang=c : #define CKR_WRAPPING_KEY_SIZE_RANGE 0x114} */
    public static long CKR_WRAPPING_KEY_SIZE_RANGE() {
        return CKR_WRAPPING_KEY_SIZE_RANGE;
    }

    private static final long CKR_WRAPPING_KEY_TYPE_INCONSISTENT = 0x115L;

    /** {@snippet lang=c : #define CKR_WRAPPING_KEY_TYPE_INCONSISTENT 0x115} */
    public static long CKR_WRAPPING_KEY_TYPE_INCONSISTENT() {
        return CKR_WRAPPING_KEY_TYPE_INCONSISTENT;
    }

    private static final long CKR_RANDOM_SEED_NOT_SUPPORTED = 0x120L;

    /** {@snippet lang=c : #define CKR_RANDOM_SEED_NOT_SUPPORTED 0x120} */
    public static long CKR_RANDOM_SEED_NOT_SUPPORTED() {
        return CKR_RANDOM_SEED_NOT_SUPPORTED;
    }

    private static final long CKR_RANDOM_NO_RNG = 0x121L;

    /** {@snippet lang=c : #define CKR_RANDOM_NO_RNG 0x121} */
    public static long CKR_RANDOM_NO_RNG() {
        return CKR_RANDOM_NO_RNG;
    }

    private static final long CKR_DOMAIN_PARAMS_INVALID = 0x130L;

    /** {@snippet lang=c : #define CKR_DOMAIN_PARAMS_INVALID 0x130} */
    public static long CKR_DOMAIN_PARAMS_INVALID() {
        return CKR_DOMAIN_PARAMS_INVALID;
    }

    private static final long CKR_CURVE_NOT_SUPPORTED = 0x140L;

    /** {@snippet lang=c : #define CKR_CURVE_NOT_SUPPORTED 0x140} */
    public static long CKR_CURVE_NOT_SUPPORTED() {
        return CKR_CURVE_NOT_SUPPORTED;
    }

    private static final long CKR_BUFFER_TOO_SMALL = 0x150L;

    /** {@snippet lang=c : #define CKR_BUFFER_TOO_SMALL 0x150} */
    public static long CKR_BUFFER_TOO_SMALL() {
        return CKR_BUFFER_TOO_SMALL;
    }

    private static final long CKR_SAVED_STATE_INVALID = 0x160L;

    /** {@snippet lang=c : #define CKR_SAVED_STATE_INVALID 0x160} */
    public static long CKR_SAVED_STATE_INVALID() {
        return CKR_SAVED_STATE_INVALID;
    }

    private static final long CKR_INFORMATION_SENSITIVE = 0x170L;

    /** {@snippet lang=c : #define CKR_INFORMATION_SENSITIVE 0x170} */
    public static long CKR_INFORMATION_SENSITIVE() {
        return CKR_INFORMATION_SENSITIVE;
    }

    private static final long CKR_STATE_UNSAVEABLE = 0x180L;

    /** {@snippet lang=c : #define CKR_STATE_UNSAVEABLE 0x180} */
    public static long CKR_STATE_UNSAVEABLE() {
        return CKR_STATE_UNSAVEABLE;
    }

    private static final long CKR_CRYPTOKI_NOT_INITIALIZED = 0x190L;

    /** {@snippet lang=c : #define CKR_CRYPTOKI_NOT_INITIALIZED 0x190} */
    public static long CKR_CRYPTOKI_NOT_INITIALIZED() {
        return CKR_CRYPTOKI_NOT_INITIALIZED;
    }

    private static final long CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191L;

    /** {@snippet lang=c : #define CKR_CRYPTOKI_ALREADY_INITIALIZED 0x191} */
    public static long CKR_CRYPTOKI_ALREADY_INITIALIZED() {
        return CKR_CRYPTOKI_ALREADY_INITIALIZED;
    }

    private static final long CKR_MUTEX_BAD = 0x1A0L;

    /** {@snippet lang=c : #define CKR_MUTEX_BAD 0x1A0} */
    public static long CKR_MUTEX_BAD() {
        return CKR_MUTEX_BAD;
    }

    private static final long CKR_MUTEX_NOT_LOCKED = 0x1A1L;

    /** {@snippet lang=c : #define CKR_MUTEX_NOT_LOCKED 0x1A1} */
    public static long CKR_MUTEX_NOT_LOCKED() {
        return CKR_MUTEX_NOT_LOCKED;
    }

    private static final long CKR_NEW_PIN_MODE = 0x1B0L;

    /** {@snippet lang=c : #define CKR_NEW_PIN_MODE 0x1B0} */
    public static long CKR_NEW_PIN_MODE() {
        return CKR_NEW_PIN_MODE;
    }

    private static final long CKR_NEXT_OTP = 0x1B1L;

    /** {@snippet lang=c : #define CKR_NEXT_OTP 0x1B1} */
    public static long CKR_NEXT_OTP() {
        return CKR_NEXT_OTP;
    }

    private static final long CKR_EXCEEDED_MAX_ITERATIONS = 0x1B5L;

    /** {@snippet lang=c : #define CKR_EXCEEDED_MAX_ITERATIONS 0x1B5} */
    public static long CKR_EXCEEDED_MAX_ITERATIONS() {
        return CKR_EXCEEDED_MAX_ITERATIONS;
    }

    private static final long CKR_FIPS_SELF_TEST_FAILED = 0x1B6L;

    /** {@snippet lang=c : #define CKR_FIPS_SELF_TEST_FAILED 0x1B6} */
    public static long CKR_FIPS_SELF_TEST_FAILED() {
        return CKR_FIPS_SELF_TEST_FAILED;
    }

    private static final long CKR_LIBRARY_LOAD_FAILED = 0x1B7L;

    /** {@snippet lang=c : #define CKR_LIBRARY_LOAD_FAILED 0x1B7} */
    public static long CKR_LIBRARY_LOAD_FAILED() {
        return CKR_LIBRARY_LOAD_FAILED;
    }

    private static final long CKR_PIN_TOO_WEAK = 0x1B8L;

    /** {@snippet lang=c : #define CKR_PIN_TOO_WEAK 0x1B8} */
    public static long CKR_PIN_TOO_WEAK() {
        return CKR_PIN_TOO_WEAK;
    }

    private static final long CKR_PUBLIC_KEY_INVALID = 0x1B9L;

    /** {@snippet lang=c : #define CKR_PUBLIC_KEY_INVALID 0x1B9} */
    public static long CKR_PUBLIC_KEY_INVALID() {
        return CKR_PUBLIC_KEY_INVALID;
    }

    private static final long CKR_FUNCTION_REJECTED = 0x200L;

    /** {@snippet lang=c : #define CKR_FUNCTION_REJECTED 0x200} */
    public static long CKR_FUNCTION_REJECTED() {
        return CKR_FUNCTION_REJECTED;
    }

    private static final long CKR_TOKEN_RESOURCE_EXCEEDED = 0x201L;

    /** {@snippet lang=c : #define CKR_TOKEN_RESOURCE_EXCEEDED 0x201} */
    public static long CKR_TOKEN_RESOURCE_EXCEEDED() {
        return CKR_TOKEN_RESOURCE_EXCEEDED;
    }

    private static final long CKR_OPERATION_CANCEL_FAILED = 0x202L;

    /** {@snippet lang=c : #define CKR_OPERATION_CANCEL_FAILED 0x202} */
    public static long CKR_OPERATION_CANCEL_FAILED() {
        return CKR_OPERATION_CANCEL_FAILED;
    }

    private static final long CKR_VENDOR_DEFINED = 0x80000000L;

    /** {@snippet lang=c : #define CKR_VENDOR_DEFINED 0x80000000} */
    public static long CKR_VENDOR_DEFINED() {
        return CKR_VENDOR_DEFINED;
    }
}
