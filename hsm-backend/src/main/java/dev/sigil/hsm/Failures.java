package dev.sigil.hsm;

import static dev.sigil.pkcs11.gen.pkcs11_h.*;

import dev.sigil.crypto.spi.BackendException;
import dev.sigil.pkcs11.Pkcs11Exception;
import java.util.Set;

/** How PKCS #11 failures become {@link BackendException}s of the HSM backend. */
final class Failures {
    /** Return values after which the pool re-opens its sessions, logs in again and retries once. */
    static final Set<Long> SESSION_LOST = Set.of(CKR_SESSION_HANDLE_INVALID(), CKR_SESSION_CLOSED(),
            CKR_USER_NOT_LOGGED_IN(), CKR_DEVICE_REMOVED(), CKR_TOKEN_NOT_PRESENT());

    /** Return values that say the key or the request for it is wrong, not the device. */
    private static final Set<Long> KEY_PROBLEMS = Set.of(CKR_KEY_HANDLE_INVALID(), CKR_OBJECT_HANDLE_INVALID(),
            CKR_KEY_TYPE_INCONSISTENT(), CKR_KEY_FUNCTION_NOT_PERMITTED(), CKR_MECHANISM_INVALID(),
            CKR_MECHANISM_PARAM_INVALID(), CKR_TEMPLATE_INCONSISTENT(), CKR_TEMPLATE_INCOMPLETE(),
            CKR_ATTRIBUTE_VALUE_INVALID(), CKR_ATTRIBUTE_TYPE_INVALID(), CKR_CURVE_NOT_SUPPORTED(),
            CKR_DOMAIN_PARAMS_INVALID(), CKR_KEY_SIZE_RANGE(), CKR_DATA_LEN_RANGE());

    private Failures() {
    }

    static boolean sessionLost(Pkcs11Exception e) {
        return SESSION_LOST.contains(e.rv());
    }

    /** A key problem becomes {@link BackendException.KeyFailure}, anything else a device failure. */
    static BackendException of(String what, Pkcs11Exception e) {
        return KEY_PROBLEMS.contains(e.rv())
                ? new BackendException.KeyFailure(HsmBackend.ID, what + ": " + e.getMessage(), e)
                : new BackendException.DeviceFailure(HsmBackend.ID, what + ": " + e.getMessage(), e);
    }
}
