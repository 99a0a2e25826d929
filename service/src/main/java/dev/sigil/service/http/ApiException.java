package dev.sigil.service.http;

/**
 * A request that fails as a whole; rendered by {@link FailureHandler} as {@code {"error": {code, message}}}. The
 * message is shown to the client and never holds secrets. The status defaults to the code's.
 */
public final class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final int status;

    public ApiException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    public ApiException(ErrorCode code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_REQUEST, message);
    }
}
