package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs request work (decoding, backend calls, encoding) off the event loop on a bounded pool. When the queue is
 * full the request is answered {@code overloaded} at once instead of waiting without bound.
 */
public final class Worker implements AutoCloseable {
    private final ThreadPoolExecutor pool;

    public Worker(int threads, int queueCapacity) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), r -> {
                    Thread t = new Thread(r, "sigil-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Runs the job and answers the request with its reply, or fails the request with what it threw. */
    public void respond(RoutingContext ctx, Callable<Reply> job) {
        Context context = Vertx.currentContext();
        try {
            pool.execute(() -> {
                Reply reply;
                try {
                    reply = job.call();
                } catch (Throwable t) {
                    context.runOnContext(v -> fail(ctx, t));
                    return;
                }
                context.runOnContext(v -> send(ctx, reply));
            });
        } catch (RejectedExecutionException e) {
            ctx.fail(new RequestException(ErrorCode.OVERLOADED, "too many requests in progress; retry later"));
        }
    }

    private static void fail(RoutingContext ctx, Throwable t) {
        if (!ctx.response().ended()) {
            ctx.fail(t);
        }
    }

    private static void send(RoutingContext ctx, Reply reply) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(reply.status())
                .putHeader("Content-Type", "application/json")
                .end(reply.body());
    }

    /** Jobs queued or running. */
    public int inFlight() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    /** Finishes queued work, waiting at most the given time. */
    public boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
