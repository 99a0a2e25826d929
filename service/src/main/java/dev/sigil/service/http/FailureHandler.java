package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.OverloadedException;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.routing.CancelledException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that renders a failed request as {@code {"error": {"code", "message"}}}: a {@link RequestException}
 * with its code's status, a status Vert.x set (unknown path, wrong method), anything else as {@code internal}.
 */
public final class FailureHandler implements Handler<RoutingContext> {
    private static final Logger LOG = Logger.getLogger(FailureHandler.class.getName());
    /** Seconds a client should wait before retrying an {@code overloaded} answer. */
    public static final String RETRY_AFTER_SECONDS = "1";

    @Override
    public void handle(RoutingContext ctx) {
        RequestException error = toRequestException(ctx.failure(), ctx.statusCode());
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        if (error.code() == ErrorCode.INTERNAL) {
            LOG.log(Level.SEVERE, "internal error on " + ctx.request().method() + " " + ctx.request().path(),
                    ctx.failure());
        }
        if (error.code() == ErrorCode.OVERLOADED) {
            response.putHeader("Retry-After", error instanceof OverloadedException o
                    ? Long.toString(o.retryAfterSeconds()) : RETRY_AFTER_SECONDS);
        }
        send(response, error);
    }

    /** Writes the error body with its status. */
    public static void send(HttpServerResponse response, RequestException error) {
        JsonObject body = new JsonObject().put("error",
                new JsonObject().put("code", error.code().code()).put("message", error.getMessage()));
        response.setStatusCode(error.code().status())
                .putHeader("Content-Type", "application/json")
                .end(body.encode());
    }

    /** The statuses the router may set by itself, each rendered here with the contract's error body. */
    public static final int[] ROUTER_STATUSES = {400, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503};

    /**
     * The server's answer to a request Vert.x could not decode (its own default has an empty body): 414 for a request
     * line that is too long, 431 for headers that are too large, 400 otherwise; the connection is then closed.
     */
    public static void invalidRequest(HttpServerRequest request) {
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        String kind = cause == null ? "" : cause.getClass().getSimpleName();
        RequestException error = switch (kind) {
            case "TooLongHttpLineException" -> new RequestException(ErrorCode.URI_TOO_LONG,
                    "the request line is too long");
            case "TooLongHttpHeaderException" -> new RequestException(ErrorCode.HEADERS_TOO_LARGE,
                    "the request headers are too large");
            default -> RequestException.invalid("the request is not valid HTTP/1.1");
        };
        HttpServerResponse response = request.response();
        response.putHeader("Connection", "close");
        response.setStatusCode(error.code().status())
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", new JsonObject().put("code", error.code().code())
                        .put("message", error.getMessage())).encode())
                .onComplete(v -> request.connection().close());
    }

    /**
     * Answers requests whose path the router cannot decode (a {@code %} not followed by two hex digits) with
     * {@code invalid-request}, before routing; every other request goes to the router.
     */
    public static Handler<HttpServerRequest> guardPaths(Handler<HttpServerRequest> router) {
        return request -> {
            if (hasValidEscapes(request.path())) {
                router.handle(request);
            } else {
                send(request.response(), RequestException.invalid("the path has a bad percent escape"));
            }
        };
    }

    static boolean hasValidEscapes(String path) {
        if (path == null) {
            return false;
        }
        for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
            if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0
                    || Character.digit(path.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    static RequestException toRequestException(Throwable failure, int status) {
        if (failure instanceof RequestException e) {
            return e;
        }
        if (failure instanceof CancelledException) {
            // Nobody reads this answer (the client went away), but a status is still owed to the connection.
            return new RequestException(ErrorCode.OVERLOADED, "the request was cancelled before it was done");
        }
        if (failure == null) {
            return fromStatus(status);
        }
        if (status >= 400 && status < 500) {
            // Vert.x Web refuses some requests itself with a 4xx and an exception saying why (an HTTP/2 request
            // without :authority, as some proxies' health checks send, an HTTP/1.1 request without Host)
            RequestException byStatus = fromStatus(status);
            return byStatus.code() == ErrorCode.INVALID_REQUEST && failure.getMessage() != null
                    ? RequestException.invalid(failure.getMessage()) : byStatus;
        }
        return new RequestException(ErrorCode.INTERNAL, "internal error");
    }

    private static RequestException fromStatus(int status) {
        return switch (status) {
            case 413 -> new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "request body is larger than the limit");
            case 404 -> new RequestException(ErrorCode.NO_SUCH_ENDPOINT, "no such endpoint");
            case 405 -> new RequestException(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this endpoint");
            case 408 -> new RequestException(ErrorCode.REQUEST_TIMEOUT, "the request took too long to arrive");
            case 414 -> new RequestException(ErrorCode.URI_TOO_LONG, "the request line is too long");
            case 431 -> new RequestException(ErrorCode.HEADERS_TOO_LARGE, "the request headers are too large");
            case 501 -> new RequestException(ErrorCode.NOT_IMPLEMENTED,
                    "not implemented by this server (HTTP/1.0, HTTP/1.1 and HTTP/2 are)");
            case 417 -> RequestException.invalid("the expectation cannot be met");
            case 400 -> RequestException.invalid("bad request");
            case 401 -> new RequestException(ErrorCode.UNAUTHENTICATED, "a bearer token is required");
            case 403 -> new RequestException(ErrorCode.FORBIDDEN, "the token lacks the role");
            case 503 -> new RequestException(ErrorCode.OVERLOADED, "the service is shutting down or overloaded");
            default -> status >= 400 && status < 500 ? RequestException.invalid("request rejected")
                    : new RequestException(ErrorCode.INTERNAL, "internal error");
        };
    }
}
