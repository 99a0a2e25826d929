package dev.sigil.service.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;

/**
 * Collects the request body up to a limit, whatever Content-Type the client declared (every body of this API is
 * JSON; nothing is decoded as a form). A body over the limit is answered {@code payload-too-large} at once; an
 * HTTP/1.x connection is then closed, so the rest of the body is never read.
 */
public final class JsonBodyHandler implements Handler<RoutingContext> {
    static final String BODY = "sigil.body";

    private final long limit;

    public JsonBodyHandler(long limit) {
        this.limit = limit;
    }

    /** The collected body (empty when there was none). */
    public static Buffer body(RoutingContext ctx) {
        Buffer b = ctx.get(BODY);
        return b == null ? Buffer.buffer() : b;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long declared = declaredLength(request);
        if (declared > limit) {
            tooLarge(ctx);
            return;
        }
        Buffer body = Buffer.buffer((int) Math.max(0, Math.min(declared, 1 << 20)));
        boolean[] failed = {false};
        request.handler(chunk -> {
            if (failed[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                failed[0] = true;
                tooLarge(ctx);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(t -> {
            if (!failed[0]) {
                failed[0] = true;
                ctx.fail(new ApiException(ErrorCode.INVALID_REQUEST, "the request body could not be read"));
            }
        });
        request.endHandler(v -> {
            if (!failed[0]) {
                ctx.put(BODY, body);
                ctx.next();
            }
        });
        request.resume();
    }

    private static long declaredLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader("Connection", "close");
            ctx.addEndHandler(v -> ctx.request().connection().close());
        }
        ctx.fail(new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit
                + " bytes"));
    }
}
