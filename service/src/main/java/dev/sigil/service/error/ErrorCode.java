package dev.sigil.service.error;

/** Every code a request that fails as a whole can carry, with its HTTP status. */
public enum ErrorCode {
    MALFORMED_JSON("malformed-json", 400),
    INVALID_REQUEST("invalid-request", 400),
    UNKNOWN_RULES("unknown-rules", 400),
    BATCH_TOO_LARGE("batch-too-large", 413),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    UNKNOWN_KEY("unknown-key", 404),
    KEY_EXISTS("key-exists", 409),
    BACKEND_UNAVAILABLE("backend-unavailable", 422),
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
