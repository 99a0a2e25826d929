package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Collects the request body up to a limit, whatever Content-Type the client declared (every body of this API is
 * JSON; nothing is decoded as a form). Past the limit the rest of the body is read and dropped, and the request is
 * answered {@code payload-too-large} when it ends (answering earlier makes the connection close under a client still
 * sending, which then never sees the answer); a client that sends more than another limit's worth is answered at
 * once and its connection closed.
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

    /** Per request: the bytes so far, or how much was dropped once the limit was passed. */
    private final class Collector {
        private final RoutingContext ctx;
        private final Buffer body;
        private boolean over;
        private boolean failed;
        private boolean answered;
        private long dropped;

        Collector(RoutingContext ctx, long declared) {
            this.ctx = ctx;
            this.body = Buffer.buffer((int) Math.max(0, Math.min(declared, 1 << 20)));
            over = declared > limit;
        }

        void chunk(Buffer chunk) {
            if (over) {
                dropped += chunk.length();
                if (dropped > limit && !answered) {
                    answerTooLarge();
                    ctx.addEndHandler(v -> ctx.request().connection().close());
                }
            } else if (body.length() + (long) chunk.length() > limit) {
                over = true;
                dropped = chunk.length();
            } else {
                body.appendBuffer(chunk);
            }
        }

        void answerTooLarge() {
            answered = true;
            ctx.fail(new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit
                    + " bytes"));
        }

        void error() {
            if (!over && !failed) {
                failed = true;
                ctx.fail(new RequestException(ErrorCode.INVALID_REQUEST, "the request body could not be read"));
            }
        }

        void end() {
            if (over) {
                if (!answered) {
                    answerTooLarge();
                }
            } else if (!failed) {
                ctx.put(BODY, body);
                ctx.next();
            }
        }
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Collector c = new Collector(ctx, declaredLength(request));
        request.handler(c::chunk);
        request.exceptionHandler(t -> c.error());
        request.endHandler(v -> c.end());
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
}
