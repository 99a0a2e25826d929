package dev.sigil.service.http;

import dev.sigil.service.error.RequestException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * What every request goes through first: tells the {@link ConnectionGuard} when it starts and ends, refuses paths
 * with bad percent escapes before routing, and closes an HTTP/1.x connection after an answer given before the
 * request's body was read (an authentication failure, an unknown path, a body refused), since the unread rest of the
 * body cannot be told apart from the next request.
 */
public final class EdgeHandler implements Handler<RoutingContext> {
    private final ConnectionGuard guard;

    public EdgeHandler(ConnectionGuard guard) {
        this.guard = guard;
    }

    /** The server's request handler: the guard's bookkeeping and the path check, then the router. */
    public Handler<HttpServerRequest> around(Handler<HttpServerRequest> router) {
        return request -> {
            guard.requestStarted(request);
            if (FailureHandler.hasValidEscapes(request.path())) {
                router.handle(request);
            } else {
                if (hasUnreadBody(request)) {
                    request.response().putHeader(HttpHeaders.CONNECTION, "close");
                }
                FailureHandler.send(request.response(), RequestException.invalid("the path has a bad percent escape"));
                ended(request);
            }
        };
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        ctx.addHeadersEndHandler(v -> {
            if (hasUnreadBody(request)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
        });
        ctx.addEndHandler(v -> ended(request));
        ctx.next();
    }

    private void ended(HttpServerRequest request) {
        guard.requestEnded(request);
        if (hasUnreadBody(request)) {
            guard.closeAfterAnswer(request);
        }
    }

    /** An HTTP/1.x request whose body has not been read to its end. */
    static boolean hasUnreadBody(HttpServerRequest request) {
        if (request.version() == HttpVersion.HTTP_2 || request.isEnded()) {
            return false;
        }
        if (request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            return true;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return false;
        }
        try {
            return Long.parseLong(length.strip()) > 0;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
