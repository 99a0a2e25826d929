package dev.sigil.service.error;

/**
 * A request that fails as a whole; rendered by {@link FailureHandler} as {@code {"error": {code, message}}}. The
 * message is shown to the client and never holds secrets. The status defaults to the code's.
 */
public final class RequestException extends RuntimeException {
    private final ErrorCode code;
    private final int status;
    private final long retryAfterSeconds;

    public RequestException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    public RequestException(ErrorCode code, int status, String message) {
        this(code, status, message, 0);
    }

    private RequestException(ErrorCode code, int status, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code overloaded}, with the seconds the client should wait before retrying (at least 1). */
    public static RequestException overloaded(String message, long retryAfterSeconds) {
        return new RequestException(ErrorCode.OVERLOADED, ErrorCode.OVERLOADED.status(), message,
                Math.max(1, retryAfterSeconds));
    }

    /** The seconds for {@code Retry-After}, when this error set them; else 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public static RequestException invalid(String message) {
        return new RequestException(ErrorCode.INVALID_REQUEST, message);
    }
}
