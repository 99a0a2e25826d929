package dev.sigil.pkcs11;

import dev.sigil.pkcs11.gen.pkcs11_h;

/**
 * The {@code pkcs11t.h} constants that code outside this module passes to the wrappers: attribute types, object
 * classes, key types, mechanisms and user types. Return values are {@link ReturnValue}.
 */
public final class Pkcs11Constants {
    public static final long CKA_CLASS = pkcs11_h.CKA_CLASS(), CKA_TOKEN = pkcs11_h.CKA_TOKEN(),
            CKA_PRIVATE = pkcs11_h.CKA_PRIVATE(), CKA_LABEL = pkcs11_h.CKA_LABEL(), CKA_VALUE = pkcs11_h.CKA_VALUE(),
            CKA_KEY_TYPE = pkcs11_h.CKA_KEY_TYPE(), CKA_ID = pkcs11_h.CKA_ID(), CKA_SENSITIVE = pkcs11_h.CKA_SENSITIVE(),
            CKA_SIGN = pkcs11_h.CKA_SIGN(), CKA_VERIFY = pkcs11_h.CKA_VERIFY(),
            CKA_EXTRACTABLE = pkcs11_h.CKA_EXTRACTABLE(), CKA_EC_PARAMS = pkcs11_h.CKA_EC_PARAMS(),
            CKA_EC_POINT = pkcs11_h.CKA_EC_POINT();
    public static final long CKO_PUBLIC_KEY = pkcs11_h.CKO_PUBLIC_KEY(), CKO_PRIVATE_KEY = pkcs11_h.CKO_PRIVATE_KEY();
    public static final long CKK_EC = pkcs11_h.CKK_EC(), CKK_EC_EDWARDS = pkcs11_h.CKK_EC_EDWARDS();
    public static final long CKM_EC_KEY_PAIR_GEN = pkcs11_h.CKM_EC_KEY_PAIR_GEN(), CKM_ECDSA = pkcs11_h.CKM_ECDSA(),
            CKM_EC_EDWARDS_KEY_PAIR_GEN = pkcs11_h.CKM_EC_EDWARDS_KEY_PAIR_GEN(), CKM_EDDSA = pkcs11_h.CKM_EDDSA();
    public static final long CKU_USER = pkcs11_h.CKU_USER();

    private Pkcs11Constants() {
    }
}
