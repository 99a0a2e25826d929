package dev.sigil.pkcs11;

import dev.sigil.pkcs11.gen.pkcs11_h;

/** What {@code C_GetTokenInfo} says about a token; strings are trimmed of their blank padding. */
public record TokenInfo(String label, String manufacturerId, String model, String serialNumber, long flags) {

    /** {@code CKF_USER_PIN_COUNT_LOW}: a wrong user PIN was entered since the last successful login. */
    public boolean userPinCountLow() {
        return (flags & pkcs11_h.CKF_USER_PIN_COUNT_LOW()) != 0;
    }

    /** {@code CKF_USER_PIN_FINAL_TRY}: one more wrong user PIN locks the user PIN. */
    public boolean userPinFinalTry() {
        return (flags & pkcs11_h.CKF_USER_PIN_FINAL_TRY()) != 0;
    }

    /** {@code CKF_USER_PIN_LOCKED}: the user PIN is locked; only the security officer can unlock it. */
    public boolean userPinLocked() {
        return (flags & pkcs11_h.CKF_USER_PIN_LOCKED()) != 0;
    }
}
