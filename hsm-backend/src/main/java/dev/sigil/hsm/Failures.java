package dev.sigil.hsm;

import static dev.sigil.pkcs11.ReturnValue.*;

import dev.sigil.crypto.spi.BackendException;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.ReturnValue;
import java.util.Set;

/** How PKCS #11 failures become {@link BackendException}s of the HSM backend. */
final class Failures {
    /** Return values after which the pool re-opens its sessions, logs in again and retries once. */
    static final Set<ReturnValue> SESSION_LOST = Set.of(SESSION_HANDLE_INVALID, SESSION_CLOSED,
            USER_NOT_LOGGED_IN, DEVICE_REMOVED, TOKEN_NOT_PRESENT);

    /** Return values that say the key or the request for it is wrong, not the device. */
    private static final Set<ReturnValue> KEY_PROBLEMS = Set.of(KEY_HANDLE_INVALID, OBJECT_HANDLE_INVALID,
            KEY_TYPE_INCONSISTENT, KEY_FUNCTION_NOT_PERMITTED, MECHANISM_INVALID,
            MECHANISM_PARAM_INVALID, TEMPLATE_INCONSISTENT, TEMPLATE_INCOMPLETE,
            ATTRIBUTE_VALUE_INVALID, ATTRIBUTE_TYPE_INVALID, CURVE_NOT_SUPPORTED,
            DOMAIN_PARAMS_INVALID, KEY_SIZE_RANGE, DATA_LEN_RANGE);

    private Failures() {
    }

    static boolean sessionLost(Pkcs11Exception e) {
        return SESSION_LOST.contains(e.returnValue());
    }

    /** A key problem becomes {@link BackendException.KeyFailure}, anything else a device failure. */
    static BackendException of(String what, Pkcs11Exception e) {
        return KEY_PROBLEMS.contains(e.returnValue())
                ? new BackendException.KeyFailure(HsmBackend.ID, what + ": " + e.getMessage(), e)
                : new BackendException.DeviceFailure(HsmBackend.ID, what + ": " + e.getMessage(), e);
    }
}
