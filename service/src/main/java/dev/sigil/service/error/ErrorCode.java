package dev.sigil.service.error;

/**
 * Every code a request that fails as a whole can carry: its stable wire word and its HTTP status, which no caller
 * overrides. Two constants share {@code backend-unavailable}: one for a backend that is missing or cannot do the
 * operation (retrying does not help), one for backends that failed or are down now (a retry may succeed).
 */
public enum ErrorCode {
    MALFORMED_JSON("malformed-json", 400),
    INVALID_REQUEST("invalid-request", 400),
    NO_SUCH_ENDPOINT("invalid-request", 404),
    METHOD_NOT_ALLOWED("invalid-request", 405),
    REQUEST_TIMEOUT("invalid-request", 408),
    URI_TOO_LONG("invalid-request", 414),
    HEADERS_TOO_LARGE("invalid-request", 431),
    NOT_IMPLEMENTED("invalid-request", 501),
    UNKNOWN_RULES("unknown-rules", 400),
    BATCH_TOO_LARGE("batch-too-large", 413),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    UNKNOWN_KEY("unknown-key", 404),
    KEY_EXISTS("key-exists", 409),
    BACKEND_NOT_OFFERED("backend-unavailable", 422),
    BACKEND_UNAVAILABLE("backend-unavailable", 503),
    OVERLOADED("overloaded", 503),
    INTERNAL("internal", 500);

    private final String code;
    private final int status;

    ErrorCode(String code, int status) {
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }
}
