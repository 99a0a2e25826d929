package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * One verify request inside the router: plans where each range of the batch runs, runs the ranges (one on the
 * calling thread, the others on their backends at the same time), and re-plans every range whose backend failed
 * with a {@link BackendException} among the backends not yet tried for it, until every item has an outcome or no
 * backend is left. Any other exception from a backend is a bug: it ends the request as it is.
 */
final class VerifyExecution {
    /** A range of the request's batch and the backends that already failed on it. */
    private record Segment(int from, int to, Set<String> failed) {
    }

    /**
     * A range given to one backend, with the queued work it was counted as and the estimated time it was given as
     * (exploring the backend or not), and how far it got: items {@code [from, doneTo)} have their outcomes.
     */
    private static final class Assignment {
        final Segment segment;
        final int from;
        final int to;
        final Member member;
        final long pending;
        final long queuedNanos;
        final double givenNanos;
        final boolean exploring;
        volatile int doneTo;
        private long released;

        Assignment(Segment segment, int from, int to, Member member, long pending, long queuedNanos,
                double givenNanos, boolean exploring) {
            this.segment = segment;
            this.from = from;
            this.to = to;
            this.member = member;
            this.pending = pending;
            this.queuedNanos = queuedNanos;
            this.givenNanos = givenNanos;
            this.exploring = exploring;
            this.doneTo = from;
        }

        /** Takes {@code items} of its pending items off the member's queue (all that are left when negative). */
        synchronized long release(long items) {
            long left = pending - released;
            long n = items < 0 ? left : Math.min(items, left);
            if (n > 0) {
                long nanos = released + n == pending ? queuedNanos - queuedNanos * released / Math.max(1, pending)
                        : queuedNanos * n / Math.max(1, pending);
                member.release(n, nanos);
                released += n;
            }
            return n;
        }
    }

    /** Verify chunks of a long assignment take about this long, so that a cancelled request stops soon. */
    static final long CHUNK_NANOS = 50_000_000;
    /** Fewest items in a chunk; a chunk also spends at most a fifth of its time on the backend's fixed latency. */
    static final int MIN_CHUNK_ITEMS = 256;

    private final Fleet fleet;
    private final VerifyBatch batch;
    private final Router.Ticket ticket;
    private final Cancellation cancellation;
    private final Outcome[] out;
    private final List<Router.Part> parts = new ArrayList<>();
    private BackendException lastFailure;

    VerifyExecution(Fleet fleet, VerifyBatch batch, Router.Ticket ticket) {
        this.fleet = fleet;
        this.batch = batch;
        this.ticket = ticket;
        this.cancellation = ticket.cancellation();
        this.out = new Outcome[batch.size()];
    }

    /** Runs the whole batch, first on the pinned member if there is one. */
    Router.Routed run(Member pinned) {
        Deque<Segment> work = new ArrayDeque<>();
        Segment whole = new Segment(0, batch.size(), Set.of());
        List<Assignment> first = pinned == null ? plan(whole)
                : List.of(assign(whole, 0, batch.size(), pinned, fleet.plans(batch.scheme()), false));
        launchAndCollect(first, work);
        while (!work.isEmpty()) {
            cancellation.check();
            List<Assignment> round = new ArrayList<>();
            while (!work.isEmpty()) {
                round.addAll(plan(work.poll()));
            }
            launchAndCollect(round, work);
        }
        parts.sort(Comparator.comparingInt(Router.Part::from));
        return new Router.Routed(out, List.copyOf(parts));
    }

    private List<Assignment> plan(Segment segment) {
        List<Member> candidates = fleet.candidates(batch.scheme(), Operation.VERIFY, segment.failed());
        if (candidates.isEmpty()) {
            throw lastFailure != null ? lastFailure : new BackendException.Unavailable("router",
                    "no backend verifies " + batch.scheme(), null);
        }
        int pending = pendingIn(segment.from(), segment.to());
        long plan = fleet.nextPlan(batch.scheme());
        if (pending == 0) {
            return List.of(assign(segment, segment.from(), segment.to(), candidates.getFirst(), plan, false));
        }
        List<SplitPlanner.Share> shares = split(candidates, pending);
        Member explore = fleet.toExplore(batch.scheme(), plan, pending, candidates,
                shares.stream().map(SplitPlanner.Share::id).toList());
        List<Assignment> out = new ArrayList<>(shares.size() + 1);
        int at = segment.from();
        if (explore != null) {
            int take = Math.min(pending, Fleet.EXPLORE_ITEMS);
            int end = take == pending ? segment.to() : cutAfter(at, take);
            out.add(assign(segment, at, end, explore, plan, true));
            if (end == segment.to()) {
                return out;
            }
            at = end;
            shares = split(candidates.stream().filter(m -> m != explore).toList(), pending - take);
        }
        for (int k = 0; k < shares.size(); k++) {
            int end = k == shares.size() - 1 ? segment.to() : cutAfter(at, shares.get(k).items());
            out.add(assign(segment, at, end, fleet.member(shares.get(k).id()), plan, false));
            at = end;
        }
        return out;
    }

    private List<SplitPlanner.Share> split(List<Member> candidates, int pending) {
        return SplitPlanner.plan(fleet.withoutContention(candidates, batch.scheme(), pending).stream()
                .map(m -> fleet.candidate(m, batch.scheme())).toList(), pending, fleet.config().minSplitItems());
    }

    /** The index just past the {@code count}-th pending item from {@code from}. */
    private int cutAfter(int from, int count) {
        int seen = 0;
        int i = from;
        while (seen < count) {
            seen += batch.isPending(i++) ? 1 : 0;
        }
        return i;
    }

    private int pendingIn(int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += batch.isPending(i) ? 1 : 0;
        }
        return n;
    }

    private Assignment assign(Segment segment, int from, int to, Member member, long plan, boolean exploring) {
        long pending = pendingIn(from, to);
        long nanos = fleet.queuedNanosFor(member, batch.scheme(), pending);
        member.enqueue(pending, nanos);
        double given = member.cost(Operation.VERIFY, batch.scheme()).nanosFor(pending);
        fleet.given(member, batch.scheme(), plan, given, exploring);
        fleet.metrics().routed(member.id(), batch.scheme(), Operation.VERIFY, (int) pending);
        return new Assignment(segment, from, to, member, pending, nanos, given, exploring);
    }

    /** Starts every assignment, the first direct one on this thread, then gathers results and failures. */
    private void launchAndCollect(List<Assignment> round, Deque<Segment> retry) {
        List<CompletableFuture<Outcome[]>> futures = new ArrayList<>(round.size());
        int inline = -1;
        for (int k = 0; k < round.size(); k++) {
            Assignment a = round.get(k);
            if (!a.member.coalescing() && inline < 0) {
                inline = k;
                futures.add(null);
            } else {
                futures.add(fleet.submit(a.member, slice(a.from, a.to), ticket, () -> runChunks(a))
                        .whenComplete((r, e) -> finished(a, r != null)));
            }
        }
        if (inline >= 0) {
            Assignment a = round.get(inline);
            CompletableFuture<Outcome[]> here;
            try {
                here = CompletableFuture.completedFuture(runChunks(a));
            } catch (BackendException | CancelledException e) {
                here = CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                finished(a, false);
                throw e;
            }
            finished(a, !here.isCompletedExceptionally());
            futures.set(inline, here);
        }
        for (int k = 0; k < round.size(); k++) {
            collect(round.get(k), futures.get(k), retry);
        }
        cancellation.check();
    }

    /**
     * Runs the assignment on its member in chunks of about {@link #CHUNK_NANOS}, writing the outcomes in place and
     * releasing each chunk's share of the queues as it is done; stops before a chunk when the request is cancelled.
     * Returns the outcomes of the whole range (the coalescing path returns them the same way).
     */
    private Outcome[] runChunks(Assignment a) {
        int chunk = chunkItems(a.member);
        int at = a.from;
        while (at < a.to) {
            cancellation.check();
            int end = pendingIn(at, a.to) <= chunk ? a.to : cutAfter(at, chunk);
            VerifyBatch part = slice(at, end);
            Outcome[] got = a.member.inTurn(ticket, () -> a.member.verify(part));
            System.arraycopy(got, 0, out, at, got.length);
            long done = pendingIn(at, end);
            a.release(done);
            ticket.done(batch.scheme(), done);
            at = end;
            a.doneTo = end;
        }
        return Arrays.copyOfRange(out, a.from, a.to);
    }

    /** Items per chunk on the member: about {@link #CHUNK_NANOS} of work, fixed latency at most a fifth of it. */
    private int chunkItems(Member m) {
        CostEstimate c = m.cost(Operation.VERIFY, batch.scheme());
        double nanos = Math.max(CHUNK_NANOS, 5 * c.fixedNanos());
        return (int) Math.max(MIN_CHUNK_ITEMS, Math.min(Integer.MAX_VALUE, nanos / c.perItemNanos()));
    }

    /**
     * The assignment ended: what is left of it comes off the member's queue; when the request was cancelled, that
     * part was dropped and is counted.
     */
    private void finished(Assignment a, boolean ran) {
        long left = a.release(-1);
        if (ran) {
            ticket.done(batch.scheme(), left);
        } else if (cancellation.isCancelled() && left > 0) {
            fleet.metrics().cancelled(a.member.id(), batch.scheme(), left);
        }
    }

    private VerifyBatch slice(int from, int to) {
        return from == 0 && to == batch.size() ? batch : batch.slice(from, to);
    }

    private void collect(Assignment a, CompletableFuture<Outcome[]> future, Deque<Segment> retry) {
        try {
            Outcome[] got = await(future);
            if (a.exploring) {
                fleet.explored(batch.scheme(), a.givenNanos, a.member.cost(Operation.VERIFY, batch.scheme()).nanosFor(a.pending));
            }
            System.arraycopy(got, 0, out, a.from, got.length);
            parts.add(new Router.Part(a.member.id(), a.from, a.to));
        } catch (BackendException e) {
            lastFailure = e;
            fleet.failed(a.member, e);
            int doneTo = a.doneTo;
            if (doneTo > a.from) {
                parts.add(new Router.Part(a.member.id(), a.from, doneTo));
            }
            if (!cancellation.isCancelled()) {
                Set<String> failed = new HashSet<>(a.segment.failed());
                failed.add(a.member.id());
                retry.add(new Segment(doneTo, a.to, Set.copyOf(failed)));
            }
        } catch (CancelledException e) {
            // nobody reads the answer: what is left of it is dropped (counted when it finished)
        }
    }

    private Outcome[] await(CompletableFuture<Outcome[]> future) {
        try {
            return future.get();
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a backend batch failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
            throw new IllegalStateException("interrupted while waiting for a backend", e);
        }
    }
}
