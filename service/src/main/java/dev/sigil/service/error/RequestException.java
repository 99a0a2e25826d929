package dev.sigil.service.error;

/**
 * A request that fails as a whole, with its {@link ErrorCode}. Thrown by the services and the edge alike; one
 * failure handler per protocol turns it into an answer. The message is shown to the client and never holds secrets.
 */
public class RequestException extends RuntimeException {
    private final ErrorCode code;

    public RequestException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    /** {@code invalid-request}: a field is missing or wrong; the message names it. */
    public static RequestException invalid(String message) {
        return new RequestException(ErrorCode.INVALID_REQUEST, message);
    }
}
