package dev.sigil.service.routing;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.service.ops.Metrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Feeds a backend that wants large batches (a GPU) one batch at a time, like a dynamic batcher: requests of the same
 * scheme and rule set that arrive while the backend is busy, or within {@code maxDelay} of the oldest waiting one,
 * are concatenated up to {@code maxBatch} items (a request is never cut; a larger one runs alone). The outcomes are
 * sliced back to each request. When the backend throws, every request of the batch fails with that exception (each
 * is re-run elsewhere when it is a BackendException).
 */
final class CoalescingLane implements AutoCloseable {
    private record Job(VerifyBatch batch, CompletableFuture<Outcome[]> result, long enqueuedNanos,
            Cancellation cancellation, long order) {
        boolean sameKind(Job other) {
            return batch.scheme() == other.batch.scheme() && batch.rules() == other.batch.rules();
        }
    }

    private final Member member;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final Metrics metrics;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final LinkedList<Job> waiting = new LinkedList<>();
    private final Thread worker;
    private volatile boolean closed;

    CoalescingLane(Member member, int maxBatch, long maxDelayNanos, Metrics metrics) {
        this.member = member;
        this.maxBatch = maxBatch;
        this.maxDelayNanos = maxDelayNanos;
        this.metrics = metrics;
        this.worker = Thread.ofPlatform().daemon().name("sigil-coalesce-" + member.id()).start(this::loop);
    }

    /**
     * Queues the batch; the future completes with its outcomes, or exceptionally with a BackendException, or with a
     * {@link CancelledException} when the request is cancelled before its batch was taken (it is then dropped; a
     * batch already running keeps going for the other requests in it).
     */
    CompletableFuture<Outcome[]> submit(VerifyBatch batch, Cancellation cancellation, long order) {
        Job job = new Job(batch, new CompletableFuture<>(), System.nanoTime(), cancellation, order);
        lock.lock();
        try {
            if (closed) {
                job.result.completeExceptionally(closedFailure());
            } else {
                waiting.add(job);
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
        cancellation.onCancel(() -> withdraw(job));
        return job.result;
    }

    /** Drops the job if it is still waiting. */
    private void withdraw(Job job) {
        boolean removed;
        lock.lock();
        try {
            removed = waiting.remove(job);
        } finally {
            lock.unlock();
        }
        if (removed) {
            job.result.completeExceptionally(new CancelledException());
        }
    }

    private void loop() {
        while (!closed) {
            List<Job> jobs;
            try {
                jobs = next();
            } catch (InterruptedException e) {
                break;
            }
            if (!jobs.isEmpty()) {
                run(jobs);
            }
        }
        failWaiting();
    }

    /** Waits for work, then for the batch to fill or the oldest request's delay to pass; takes the batch. */
    private List<Job> next() throws InterruptedException {
        lock.lock();
        try {
            while (waiting.isEmpty() && !closed) {
                arrived.await();
            }
            if (closed) {
                return List.of();
            }
            Job first = waiting.getFirst();
            long deadline = first.enqueuedNanos + maxDelayNanos;
            long wait;
            while (itemsLike(first) < maxBatch && (wait = deadline - System.nanoTime()) > 0 && !closed) {
                arrived.awaitNanos(wait);
            }
            return take(first);
        } finally {
            lock.unlock();
        }
    }

    private long itemsLike(Job first) {
        long n = 0;
        for (Job j : waiting) {
            n += j.sameKind(first) ? j.batch.size() : 0;
        }
        return n;
    }

    private List<Job> take(Job first) {
        List<Job> out = new ArrayList<>();
        long items = 0;
        for (Iterator<Job> it = waiting.iterator(); it.hasNext();) {
            Job j = it.next();
            if (j.sameKind(first) && (out.isEmpty() || items + j.batch.size() <= maxBatch)) {
                out.add(j);
                items += j.batch.size();
                it.remove();
            }
        }
        return out;
    }

    private void run(List<Job> jobs) {
        try {
            VerifyBatch whole = jobs.size() == 1 ? jobs.getFirst().batch : VerifyBatch.concat(
                    jobs.stream().map(Job::batch).toList());
            Scheme scheme = whole.scheme();
            metrics.coalescedBatch(member.id(), scheme, jobs.size(), whole.size());
            long order = jobs.stream().mapToLong(Job::order).min().orElseThrow();
            // on the host's cores, in the admission order of its earliest request; it runs for every request in it
            Outcome[] out = member.inTurn(order, new Cancellation(), () -> member.verify(whole));
            int at = 0;
            for (Job j : jobs) {
                j.result.complete(Arrays.copyOfRange(out, at, at + j.batch.size()));
                at += j.batch.size();
            }
        } catch (RuntimeException e) {
            jobs.forEach(j -> j.result.completeExceptionally(e));
        }
    }

    private void failWaiting() {
        lock.lock();
        try {
            waiting.forEach(j -> j.result.completeExceptionally(closedFailure()));
            waiting.clear();
        } finally {
            lock.unlock();
        }
    }

    private BackendException closedFailure() {
        return new BackendException.Unavailable(member.id(), "the router is closed", null);
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
    }
}
