package dev.sigil.service.grpc;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.OverloadedException;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.http.FailureHandler;
import dev.sigil.service.routing.CancelledException;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.InvalidMessageException;
import io.vertx.grpc.common.MessageSizeOverflowException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that turns a failed gRPC call into its status, as {@code FailureHandler} does for HTTP: every
 * {@link ErrorCode} has the gRPC status the contract gives it, and the status message is the stable code word,
 * {@code ": "}, and the detail.
 */
public final class GrpcStatuses {
    private static final Logger LOG = Logger.getLogger(GrpcStatuses.class.getName());

    private GrpcStatuses() {
    }

    /** The status of a whole-request error code. */
    public static GrpcStatus status(ErrorCode code) {
        return switch (code) {
            // every code whose word is invalid-request (the HTTP-only ones never reach a gRPC call)
            case MALFORMED_JSON, INVALID_REQUEST, NO_SUCH_ENDPOINT, METHOD_NOT_ALLOWED, REQUEST_TIMEOUT, URI_TOO_LONG,
                    HEADERS_TOO_LARGE, NOT_IMPLEMENTED, UNKNOWN_RULES -> GrpcStatus.INVALID_ARGUMENT;
            case BATCH_TOO_LARGE, PAYLOAD_TOO_LARGE, OVERLOADED -> GrpcStatus.RESOURCE_EXHAUSTED;
            case UNAUTHENTICATED -> GrpcStatus.UNAUTHENTICATED;
            case FORBIDDEN -> GrpcStatus.PERMISSION_DENIED;
            case UNKNOWN_KEY -> GrpcStatus.NOT_FOUND;
            case KEY_EXISTS -> GrpcStatus.ALREADY_EXISTS;
            // a backend that is missing or cannot do the operation: retrying does not help
            case BACKEND_NOT_OFFERED -> GrpcStatus.FAILED_PRECONDITION;
            // backends that failed or are down now: a retry may succeed
            case BACKEND_UNAVAILABLE -> GrpcStatus.UNAVAILABLE;
            case INTERNAL -> GrpcStatus.INTERNAL;
        };
    }

    /**
     * The trailer that tells a client how long to wait before retrying, in milliseconds: gRPC's server pushback
     * (gRFC A6, honoured by grpc-java's own retries and by {@code SigilClient}), the {@code Retry-After} of HTTP.
     */
    public static final String RETRY_PUSHBACK = "grpc-retry-pushback-ms";

    /** The pushback of a whole-request error in milliseconds: for {@code overloaded}, its {@code Retry-After}. */
    public static OptionalLong retryPushbackMillis(RequestException error) {
        if (error.code() != ErrorCode.OVERLOADED) {
            return OptionalLong.empty();
        }
        long seconds = error instanceof OverloadedException o ? o.retryAfterSeconds()
                : Long.parseLong(FailureHandler.RETRY_AFTER_SECONDS);
        return OptionalLong.of(seconds * 1000);
    }

    /** The status message: {@code "<code>: <detail>"}. */
    public static String message(RequestException e) {
        return e.code().code() + ": " + e.getMessage();
    }

    /**
     * The {@code grpc-message} form of a status message: UTF-8, each byte outside printable ASCII and each {@code %}
     * written {@code %XX}, as the gRPC HTTP/2 protocol specifies.
     */
    public static String percentEncode(String message) {
        StringBuilder out = new StringBuilder(message.length());
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x20 && b < 0x7f && b != '%') {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** What a failure means to the client, as a whole-request error; anything unexpected is logged as internal. */
    public static RequestException toRequestException(Throwable failure, String method) {
        if (failure instanceof RequestException e) {
            return e;
        }
        if (failure instanceof CancelledException) {
            return new RequestException(ErrorCode.OVERLOADED, "the request was cancelled before it was done");
        }
        if (failure instanceof MessageSizeOverflowException) {
            return new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "the message is larger than the limit");
        }
        if (failure instanceof InvalidMessageException) {
            return RequestException.invalid("the message is not a valid protobuf message of the method's type");
        }
        LOG.log(Level.SEVERE, "internal error on gRPC " + method, failure);
        return new RequestException(ErrorCode.INTERNAL, "internal error");
    }
}
