package dev.sigil.client;

import io.grpc.Status;

/**
 * A call that failed as a whole: the gRPC status, and the API's stable code word (the part of the status description
 * before {@code ": "}, e.g. {@code unauthenticated}, {@code batch-too-large}, {@code overloaded}); items that are bad
 * on their own are not errors but {@code MALFORMED} results with problems.
 */
public final class SigilClientException extends RuntimeException {
    private final Status.Code status;
    private final String code;

    SigilClientException(Status status, Throwable cause) {
        super(status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription()), cause);
        this.status = status.getCode();
        this.code = codeWord(status.getDescription());
    }

    /** The gRPC status code. */
    public Status.Code status() {
        return status;
    }

    /** The API's code word; empty when the status came from the transport rather than the server. */
    public String code() {
        return code;
    }

    static String codeWord(String description) {
        if (description == null) {
            return "";
        }
        int colon = description.indexOf(": ");
        String word = colon < 0 ? "" : description.substring(0, colon);
        return word.matches("[a-z][a-z0-9-]*") ? word : "";
    }
}
