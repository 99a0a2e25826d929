package dev.sigil.pkcs11;

import dev.sigil.pkcs11.gen.pkcs11_h;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code CK_RV} return values Sigil tells apart, named as in {@code pkcs11t.h} without the {@code CKR_} prefix.
 * Any other value (vendor-defined ones included) is {@link #UNKNOWN}; {@link Pkcs11Exception#rv()} keeps the raw value.
 */
public enum ReturnValue {
    OK(pkcs11_h.CKR_OK()), HOST_MEMORY(pkcs11_h.CKR_HOST_MEMORY()), GENERAL_ERROR(pkcs11_h.CKR_GENERAL_ERROR()),
    FUNCTION_FAILED(pkcs11_h.CKR_FUNCTION_FAILED()), ARGUMENTS_BAD(pkcs11_h.CKR_ARGUMENTS_BAD()),
    ATTRIBUTE_SENSITIVE(pkcs11_h.CKR_ATTRIBUTE_SENSITIVE()), ATTRIBUTE_TYPE_INVALID(pkcs11_h.CKR_ATTRIBUTE_TYPE_INVALID()),
    ATTRIBUTE_VALUE_INVALID(pkcs11_h.CKR_ATTRIBUTE_VALUE_INVALID()), DATA_LEN_RANGE(pkcs11_h.CKR_DATA_LEN_RANGE()),
    DEVICE_ERROR(pkcs11_h.CKR_DEVICE_ERROR()), DEVICE_MEMORY(pkcs11_h.CKR_DEVICE_MEMORY()),
    DEVICE_REMOVED(pkcs11_h.CKR_DEVICE_REMOVED()), FUNCTION_NOT_SUPPORTED(pkcs11_h.CKR_FUNCTION_NOT_SUPPORTED()),
    KEY_HANDLE_INVALID(pkcs11_h.CKR_KEY_HANDLE_INVALID()), KEY_SIZE_RANGE(pkcs11_h.CKR_KEY_SIZE_RANGE()),
    KEY_TYPE_INCONSISTENT(pkcs11_h.CKR_KEY_TYPE_INCONSISTENT()),
    KEY_FUNCTION_NOT_PERMITTED(pkcs11_h.CKR_KEY_FUNCTION_NOT_PERMITTED()),
    MECHANISM_INVALID(pkcs11_h.CKR_MECHANISM_INVALID()), MECHANISM_PARAM_INVALID(pkcs11_h.CKR_MECHANISM_PARAM_INVALID()),
    OBJECT_HANDLE_INVALID(pkcs11_h.CKR_OBJECT_HANDLE_INVALID()), OPERATION_ACTIVE(pkcs11_h.CKR_OPERATION_ACTIVE()),
    OPERATION_NOT_INITIALIZED(pkcs11_h.CKR_OPERATION_NOT_INITIALIZED()), PIN_INCORRECT(pkcs11_h.CKR_PIN_INCORRECT()),
    PIN_EXPIRED(pkcs11_h.CKR_PIN_EXPIRED()), PIN_LOCKED(pkcs11_h.CKR_PIN_LOCKED()),
    SESSION_CLOSED(pkcs11_h.CKR_SESSION_CLOSED()), SESSION_COUNT(pkcs11_h.CKR_SESSION_COUNT()),
    SESSION_HANDLE_INVALID(pkcs11_h.CKR_SESSION_HANDLE_INVALID()), SESSION_READ_ONLY(pkcs11_h.CKR_SESSION_READ_ONLY()),
    SIGNATURE_INVALID(pkcs11_h.CKR_SIGNATURE_INVALID()), SIGNATURE_LEN_RANGE(pkcs11_h.CKR_SIGNATURE_LEN_RANGE()),
    TEMPLATE_INCOMPLETE(pkcs11_h.CKR_TEMPLATE_INCOMPLETE()), TEMPLATE_INCONSISTENT(pkcs11_h.CKR_TEMPLATE_INCONSISTENT()),
    TOKEN_NOT_PRESENT(pkcs11_h.CKR_TOKEN_NOT_PRESENT()), TOKEN_WRITE_PROTECTED(pkcs11_h.CKR_TOKEN_WRITE_PROTECTED()),
    USER_ALREADY_LOGGED_IN(pkcs11_h.CKR_USER_ALREADY_LOGGED_IN()), USER_NOT_LOGGED_IN(pkcs11_h.CKR_USER_NOT_LOGGED_IN()),
    USER_PIN_NOT_INITIALIZED(pkcs11_h.CKR_USER_PIN_NOT_INITIALIZED()), USER_TYPE_INVALID(pkcs11_h.CKR_USER_TYPE_INVALID()),
    BUFFER_TOO_SMALL(pkcs11_h.CKR_BUFFER_TOO_SMALL()),
    CRYPTOKI_NOT_INITIALIZED(pkcs11_h.CKR_CRYPTOKI_NOT_INITIALIZED()),
    CRYPTOKI_ALREADY_INITIALIZED(pkcs11_h.CKR_CRYPTOKI_ALREADY_INITIALIZED()),
    DOMAIN_PARAMS_INVALID(pkcs11_h.CKR_DOMAIN_PARAMS_INVALID()), CURVE_NOT_SUPPORTED(pkcs11_h.CKR_CURVE_NOT_SUPPORTED()),
    /** Any value not listed above; the raw value is {@link Pkcs11Exception#rv()}. */
    UNKNOWN(-1L);

    private static final Map<Long, ReturnValue> BY_VALUE = Arrays.stream(values()).filter(v -> v != UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(ReturnValue::value, Function.identity()));

    private final long value;

    ReturnValue(long value) {
        this.value = value;
    }

    /** The {@code CK_RV} value; meaningless for {@link #UNKNOWN}. */
    public long value() {
        return value;
    }

    /** The listed return value {@code rv} is, else {@link #UNKNOWN}. */
    public static ReturnValue of(long rv) {
        return BY_VALUE.getOrDefault(rv, UNKNOWN);
    }
}
