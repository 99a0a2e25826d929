package dev.sigil.service.http;

import dev.sigil.service.error.OverloadedException;
import dev.sigil.service.routing.Cancellation;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs request work (decoding, backend calls, encoding) off the event loop, each request on a virtual thread, so
 * that a request waiting for the backends holds no thread and reaches the router's admission at once: the router,
 * not this queue, decides by cost which requests are admitted. CPU-heavy steps (decoding, encoding) run at most
 * {@code threads} at a time ({@link #cpu}); at most {@code threads + queueCapacity} requests are in progress, past
 * which a request is answered {@code overloaded} at once. Each request gets a {@link Cancellation}, cancelled when
 * its connection closes before the answer or when it has been answered (with an error or not): the router then drops
 * its work still queued.
 */
public final class Worker implements AutoCloseable {
    /** A request's work, told when nobody will read its answer any more. */
    @FunctionalInterface
    public interface Job {
        Reply run(Cancellation cancellation) throws Exception;
    }

    private final ExecutorService pool;
    private final Semaphore inProgress;
    private final Semaphore cpu;
    private final int capacity;
    private final AtomicInteger running = new AtomicInteger();

    public Worker(int threads, int queueCapacity) {
        this.capacity = threads + queueCapacity;
        this.inProgress = new Semaphore(capacity);
        this.cpu = new Semaphore(threads, true);
        this.pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sigil-worker-", 0).factory());
    }

    /** Runs the job and answers the request with its reply, or fails the request with what it threw. */
    public void respond(RoutingContext ctx, Callable<Reply> job) {
        respond(ctx, c -> job.call());
    }

    /** As {@link #respond(RoutingContext, Callable)}, telling the job when its request is cancelled. */
    public void respond(RoutingContext ctx, Job job) {
        Context context = Vertx.currentContext();
        if (!inProgress.tryAcquire()) {
            ctx.fail(new OverloadedException("too many requests in progress; retry later", 1));
            return;
        }
        Cancellation cancellation = new Cancellation();
        ctx.response().closeHandler(v -> cancellation.cancel());
        ctx.addEndHandler(v -> cancellation.cancel());
        running.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    Reply reply = job.run(cancellation);
                    context.runOnContext(v -> send(ctx, reply));
                } catch (Throwable t) {
                    cancellation.cancel();
                    context.runOnContext(v -> fail(ctx, t));
                } finally {
                    running.decrementAndGet();
                    inProgress.release();
                }
            });
        } catch (RuntimeException e) {
            running.decrementAndGet();
            inProgress.release();
            ctx.fail(new OverloadedException("the service is shutting down; retry later", 1));
        }
    }

    /**
     * Runs a job for a request of another protocol (gRPC): as {@link #respond(RoutingContext, Job)}, with the same
     * limit on requests in progress, handing its result or failure back on the caller's Vert.x context. A job
     * refused because too many are in progress fails at once with {@code overloaded}.
     */
    public <T> void submit(Cancellation cancellation, Task<T> job, Handler<T> onResult,
            Handler<Throwable> onFailure) {
        Context context = Vertx.currentContext();
        if (!inProgress.tryAcquire()) {
            onFailure.handle(new OverloadedException("too many requests in progress; retry later", 1));
            return;
        }
        running.incrementAndGet();
        try {
            pool.execute(() -> {
                try {
                    T result = job.run(cancellation);
                    context.runOnContext(v -> onResult.handle(result));
                } catch (Throwable t) {
                    cancellation.cancel();
                    context.runOnContext(v -> onFailure.handle(t));
                } finally {
                    running.decrementAndGet();
                    inProgress.release();
                }
            });
        } catch (RuntimeException e) {
            running.decrementAndGet();
            inProgress.release();
            onFailure.handle(new OverloadedException("the service is shutting down; retry later", 1));
        }
    }

    /** Work whose result is handed back to the caller ({@link #submit}). */
    @FunctionalInterface
    public interface Task<T> {
        T run(Cancellation cancellation) throws Exception;
    }

    /**
     * Runs a CPU-heavy step (decoding a body, encoding an answer) once one of the {@code threads} slots is free, so
     * that many requests in progress do not all decode at once.
     */
    public <T> T cpu(Callable<T> step) throws Exception {
        cpu.acquire();
        try {
            return step.call();
        } finally {
            cpu.release();
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

    /** Requests in progress. */
    public int inFlight() {
        return running.get();
    }

    /** Finishes the requests in progress, waiting at most the given time. */
    public boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(timeout, unit);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
