package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.OverloadedException;
import dev.sigil.service.error.RequestException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Collects the request body up to a limit, whatever Content-Type the client declared (every body of this API is
 * JSON; nothing is decoded as a form). Registered per route, after the route's authentication, so that nothing of a
 * body is read for a client that may not use the endpoint. Past the limit the rest of the body is read and dropped,
 * and the request is answered {@code payload-too-large} when it ends (answering earlier makes the connection close
 * under a client still sending, which then never sees the answer); a client that sends more than another limit's
 * worth is answered at once and its connection closed. Every byte held counts against the shared {@link BodyBudget}
 * until the request is answered: past it the request is answered {@code overloaded} at once. A body that takes longer
 * than the body timeout is answered 408 and its connection closed. A client that sent {@code Expect: 100-continue}
 * is told to send its body only here, once every check on the headers passed and the budget took it: a request
 * refused before (401, 403, 413, 503 {@code overloaded}) is answered without the body ever being sent.
 */
public final class JsonBodyHandler implements Handler<RoutingContext> {
    static final String BODY = "sigil.body";

    private final long limit;
    private final BodyBudget budget;
    private final long timeoutMs;

    public JsonBodyHandler(long limit, BodyBudget budget, long timeoutMs) {
        this.limit = limit;
        this.budget = budget;
        this.timeoutMs = timeoutMs;
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
        private boolean done;
        private long dropped;
        private long taken;
        private long timer = -1;

        Collector(RoutingContext ctx, long declared) {
            this.ctx = ctx;
            this.body = Buffer.buffer((int) Math.max(0, Math.min(declared, 1 << 20)));
            over = declared > limit;
            ctx.addEndHandler(v -> release());
            if (!over && declared > 0) {
                take(declared);
            }
        }

        void start() {
            if (!done) {
                timer = ctx.vertx().setTimer(timeoutMs, id -> {
                    timer = -1;
                    refuse(new RequestException(ErrorCode.REQUEST_TIMEOUT, "the request body took longer than "
                            + timeoutMs + " ms"));
                });
            }
        }

        private boolean take(long bytes) {
            if (budget.tryTake(bytes)) {
                taken += bytes;
                return true;
            }
            refuse(new OverloadedException("the server holds as many request bodies as it may; retry later", 1));
            return false;
        }

        private void release() {
            if (taken > 0) {
                budget.give(taken);
                taken = 0;
            }
            cancelTimer();
        }

        private void cancelTimer() {
            if (timer >= 0) {
                ctx.vertx().cancelTimer(timer);
                timer = -1;
            }
        }

        void chunk(Buffer chunk) {
            if (done) {
                return;
            }
            if (over) {
                dropped += chunk.length();
                if (dropped > limit) {
                    refuse(tooLarge());
                }
            } else if (body.length() + (long) chunk.length() > limit) {
                over = true;
                dropped = chunk.length();
            } else {
                long need = body.length() + (long) chunk.length() - taken;
                if (need <= 0 || take(need)) {
                    body.appendBuffer(chunk);
                }
            }
        }

        private RequestException tooLarge() {
            return new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than " + limit
                    + " bytes");
        }

        /** Answers at once; the rest of the body is dropped and the connection closed after the answer. */
        private void refuse(RequestException e) {
            if (!done) {
                done = true;
                cancelTimer();
                ctx.fail(e);
            }
        }

        void error() {
            if (!done) {
                done = true;
                cancelTimer();
                ctx.fail(new RequestException(ErrorCode.INVALID_REQUEST, "the request body could not be read"));
            }
        }

        void end() {
            if (done) {
                return;
            }
            done = true;
            cancelTimer();
            if (over) {
                ctx.fail(tooLarge());
            } else {
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
        c.start();
        if (!c.done && !request.isEnded() && request.version() != io.vertx.core.http.HttpVersion.HTTP_2
                && "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            ctx.response().writeContinue();
        }
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
