package dev.sigil.service.routing;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.service.config.RoutingConfig;
import dev.sigil.service.ops.Metrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The router's backends with their lanes: who may take which work, what it would cost there, and how to hand a
 * batch over (a coalescing lane for backends that want big batches, a virtual thread otherwise).
 *
 * <p>It also keeps every estimate in rotation honest by exploration: a backend that verifies a scheme but has been
 * given none of its work for {@code routing.explore.afterBatches} routed batches gets the next batch of it (at most
 * {@link #EXPLORE_ITEMS} items of it, the rest routed as usual), as long as the work of the scheme given out that way
 * stays within {@code routing.explore.share} of all the scheme's work routed, both counted in estimated time (the
 * explored backend's as it measured). Its estimate then follows what it really does, and it wins traffic back once it
 * is the better choice. The share is kept per scheme: with one budget for all of them, work routed earlier in other
 * schemes left credit that let a scheme explore every {@code afterBatches} batches a backend four times slower than
 * its best (P-256 on PoCL beside the cpu backend: 5.5 % of the time of its routed rounds, routed 0.93x the cpu
 * pinned). A backend whose estimate has just restarted slower and so lost the work is re-measured by the next batch at
 * once: on two cores the batches that follow one on PoCL run up to three times slow, two such in a row restarted the
 * cpu backend's estimate at a third of its speed, and waiting for {@code afterBatches} gave 50 batches to a backend
 * half as fast.
 */
final class Fleet implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Fleet.class.getName());

    /** Most items of one batch given to a backend to explore it: a realistic request, not a whole flood. */
    static final int EXPLORE_ITEMS = 1_024;

    private final RoutingConfig config;
    private final Metrics metrics;
    private final LongSupplier clock;
    private final Map<Scheme, AtomicLong> plans = new EnumMap<>(Scheme.class);
    private final Map<String, AtomicLongArray> lastGiven = new LinkedHashMap<>();
    /** Per scheme: the estimated nanoseconds of all work routed, and of the work given out to explore. */
    private final Map<Scheme, double[]> budgets = new EnumMap<>(Scheme.class);
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Map<String, CoalescingLane> lanes = new LinkedHashMap<>();
    private final ExecutorService async = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sigil-route-", 0).factory());

    Fleet(List<Backend> backends, Predicate<Backend> coalescing, RoutingConfig config, Metrics metrics,
            LongSupplier clock) {
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
        for (Scheme s : Scheme.values()) {
            plans.put(s, new AtomicLong());
            budgets.put(s, new double[2]);
        }
        for (Backend b : backends) {
            if (members.containsKey(b.id())) {
                throw new IllegalArgumentException("two backends with the id " + b.id());
            }
            Member m = new Member(b, coalescing.test(b), config.ewmaAlpha(), metrics, clock);
            members.put(b.id(), m);
            lastGiven.put(b.id(), new AtomicLongArray(Scheme.values().length));
            if (m.coalescing()) {
                lanes.put(b.id(), new CoalescingLane(m, config.coalesceMaxBatch(),
                        config.coalesceMaxDelayMs() * 1_000_000, metrics));
            }
            metrics.backendGauges(b.id(), m::queuedItems, () -> m.inRotation() ? 1 : 0);
            b.verifier().ifPresent(v -> metrics.hostDecided(b.id(), v));
        }
        shareByKind();
    }

    /**
     * Backends whose devices report the host's CPU (the CPU backend, an OpenCL CPU device such as PoCL) share its
     * cores, whatever timing says; the {@link ContentionCheck} finds the others. Their calls go through one
     * {@link OrderedGate}, a permit per core, so that a batch that fills the cores by itself runs alone.
     */
    private void shareByKind() {
        List<Member> onCpu = members.values().stream().filter(m -> m.backend().kind() == BackendKind.CPU).toList();
        if (onCpu.size() > 1) {
            OrderedGate cores = new OrderedGate(Runtime.getRuntime().availableProcessors());
            onCpu.forEach(m -> m.useGate(cores));
        }
        for (int i = 0; i < onCpu.size(); i++) {
            for (int j = i + 1; j < onCpu.size(); j++) {
                share(onCpu.get(i), onCpu.get(j), "both run on the host's CPU");
            }
        }
    }

    /** Marks the two members as sharing hardware: never split across, queues counted on both. */
    void share(Member a, Member b, String why) {
        if (a.sharesHardwareWith(b)) {
            return;
        }
        a.contendsWith(b);
        b.contendsWith(a);
        LOG.info("backends " + a.id() + " and " + b.id() + " share hardware (" + why + "): not split across");
    }

    RoutingConfig config() {
        return config;
    }

    Metrics metrics() {
        return metrics;
    }

    /** The router's clock, in nanoseconds. */
    LongSupplier clock() {
        return clock;
    }

    /** Counts one more routed batch of the scheme; returns its number. */
    long nextPlan(Scheme scheme) {
        return plans.get(scheme).incrementAndGet();
    }

    /** Routed batches of the scheme so far. */
    long plans(Scheme scheme) {
        return plans.get(scheme).get();
    }

    /**
     * Records that the member got work of the scheme in routed batch {@code plan}, estimated at {@code nanos}
     * (exploring it or not).
     */
    void given(Member m, Scheme scheme, long plan, double nanos, boolean exploring) {
        lastGiven.get(m.id()).accumulateAndGet(scheme.ordinal(), plan, Math::max);
        double[] budget = budgets.get(scheme);
        synchronized (budget) {
            budget[0] += nanos;
            budget[1] += exploring ? nanos : 0;
        }
        if (exploring) {
            metrics.exploration(m.id(), scheme);
        }
    }

    /**
     * Re-prices work given to explore a backend once it ran: the estimate it was given at was the one in doubt, the
     * estimate after it is what the backend really took.
     */
    void explored(Scheme scheme, double givenNanos, double measuredNanos) {
        double[] budget = budgets.get(scheme);
        synchronized (budget) {
            budget[0] += measuredNanos - givenNanos;
            budget[1] += measuredNanos - givenNanos;
        }
    }

    /**
     * The candidate to explore with routed batch {@code plan} of the scheme ({@code items} pending), if any, among
     * those in rotation and not among the backends the batch goes to anyway: first, with a batch of more than
     * {@link CostEstimate#SMALL_BATCH} items, one whose estimate is in doubt ({@link CostEstimate#wantsRecheck()}:
     * only timed at start, or just restarted slower; once each, whatever the share) or that lost the batch only by a
     * slow-down it follows ({@link #lostByFollowing}); else one given none of the
     * scheme's work for the last {@code routing.explore.afterBatches} batches (the longest-forgotten first), and only
     * while exploring has used no more than its share of the scheme's work routed.
     */
    Member toExplore(Scheme scheme, long plan, int items, List<Member> candidates, Collection<String> chosen) {
        double share = config.exploreShare();
        if (share <= 0) {
            return null;
        }
        for (Member m : candidates) {
            // only a batch that can settle the doubt: tiny ones say nothing of the per-item cost
            if (items > CostEstimate.SMALL_BATCH && m.inRotation() && !chosen.contains(m.id())
                    && (m.cost(Operation.VERIFY, scheme).wantsRecheck() || lostByFollowing(m, scheme, items, chosen))) {
                return m;
            }
        }
        Member stalest = null;
        long oldest = Long.MAX_VALUE;
        for (Member m : candidates) {
            long last = lastGiven.get(m.id()).get(scheme.ordinal());
            if (m.inRotation() && !chosen.contains(m.id()) && plan - last >= config.exploreAfterBatches()
                    && last < oldest) {
                stalest = m;
                oldest = last;
            }
        }
        if (stalest == null) {
            return null;
        }
        double[] budget = budgets.get(scheme);
        synchronized (budget) {
            return budget[1] <= share * budget[0] ? stalest : null;
        }
    }

    /**
     * True when the member's own estimate would have beaten the backends chosen for the batch, and only the slow-down
     * it follows from a backend sharing its hardware ({@link CostEstimate#follow}) made it lose: that slow-down may
     * not be its own (a backend pinned by clients makes the shared cores look busier than they are for the other),
     * and a backend that loses the work is not timed again until it is explored.
     */
    private boolean lostByFollowing(Member m, Scheme scheme, int items, Collection<String> chosen) {
        CostEstimate c = m.cost(Operation.VERIFY, scheme);
        double own = c.ownNanos(items);
        if (chosen.isEmpty() || own >= c.nanosFor(items)) {
            return false;
        }
        for (String id : chosen) {
            Member o = members.get(id);
            if (o == null || o.cost(Operation.VERIFY, scheme).nanosFor(items) <= own) {
                return false;
            }
        }
        return true;
    }

    Collection<Member> members() {
        return members.values();
    }

    Member member(String id) {
        return members.get(id);
    }

    /**
     * Members that can verify the scheme and have not failed on this work: those in rotation, or, when none is,
     * the ones out of rotation as a last resort.
     */
    List<Member> candidates(Scheme scheme, Operation op, Set<String> failed) {
        List<Member> able = new ArrayList<>();
        for (Member m : members.values()) {
            if (!failed.contains(m.id()) && m.supports(scheme, op)) {
                able.add(m);
            }
        }
        List<Member> inRotation = able.stream().filter(Member::inRotation).toList();
        return inRotation.isEmpty() ? able : inRotation;
    }

    /**
     * The member as the split planner sees it for a verify batch of the scheme: it starts once its own queue and the
     * queues of the backends it shares hardware with have run, its fixed latency and, when coalescing, the wait for
     * others to join have passed.
     */
    SplitPlanner.Candidate candidate(Member m, Scheme scheme) {
        CostEstimate cost = m.cost(Operation.VERIFY, scheme);
        double wait = m.coalescing() ? config.coalesceMaxDelayMs() * 1e6 : 0;
        long queued = m.queuedNanos();
        for (String other : m.contending()) {
            Member o = members.get(other);
            queued += o == null ? 0 : o.queuedNanos();
        }
        return new SplitPlanner.Candidate(m.id(), queued + cost.fixedNanos() + wait, cost.perItemNanos());
    }

    /**
     * Of each group of candidates that share hardware, only the one that would finish the whole batch first: a
     * split across them would not run faster.
     */
    List<Member> withoutContention(List<Member> candidates, Scheme scheme, int items) {
        // One reading of each member's queue: read again per comparison, concurrent requests could move them
        // between reads so that two members sharing hardware each beat the other and none were kept.
        double[] finish = new double[candidates.size()];
        for (int i = 0; i < finish.length; i++) {
            finish[i] = candidate(candidates.get(i), scheme).finishNanos(items);
        }
        List<Member> kept = new ArrayList<>();
        for (int i = 0; i < finish.length; i++) {
            Member m = candidates.get(i);
            boolean beaten = false;
            for (int j = 0; j < finish.length && !beaten; j++) {
                Member o = candidates.get(j);
                beaten = j != i && m.sharesHardwareWith(o) && better(finish[j], o, finish[i], m);
            }
            if (!beaten) {
                kept.add(m);
            }
        }
        return kept;
    }

    /** True when finishing at {@code a} on {@code am} beats {@code b} on {@code bm} (ties by backend order). */
    private boolean better(double a, Member am, double b, Member bm) {
        if (a != b) {
            return a < b;
        }
        List<String> order = new ArrayList<>(members.keySet());
        return order.indexOf(am.id()) < order.indexOf(bm.id());
    }

    /**
     * The nanoseconds of queued work that {@code pending} items add to the member: a coalescing backend pays its
     * fixed latency once per coalesced batch, so only the per-item part counts there.
     */
    long queuedNanosFor(Member m, Scheme scheme, long pending) {
        CostEstimate cost = m.cost(Operation.VERIFY, scheme);
        return (long) (m.coalescing() ? pending * cost.perItemNanos() : cost.nanosFor(pending));
    }

    /**
     * Hands the batch to the member without waiting for it: to its coalescing lane (which drops it when cancelled
     * before it runs, and runs it in the admission order of its earliest request), or runs {@code direct} on a
     * virtual thread.
     */
    CompletableFuture<Outcome[]> submit(Member m, VerifyBatch batch, Router.Ticket ticket,
            java.util.function.Supplier<Outcome[]> direct) {
        CoalescingLane lane = lanes.get(m.id());
        if (lane != null) {
            return lane.submit(batch, ticket.cancellation(), ticket.order());
        }
        return CompletableFuture.supplyAsync(direct, async);
    }

    /**
     * Estimated nanoseconds per item of the scheme for the whole fleet working on it: the throughput of the backends
     * in rotation that can do it, one per group sharing hardware (the fastest), added up; 0 when none can.
     */
    double nanosPerItem(Scheme scheme, Operation op) {
        List<Member> able = members.values().stream()
                .filter(m -> m.inRotation() && m.supports(scheme, op))
                .sorted(java.util.Comparator.comparingDouble((Member m) -> m.cost(op, scheme).itemsPerSecond())
                        .reversed()).toList();
        double rate = 0;
        List<Member> counted = new ArrayList<>();
        for (Member m : able) {
            if (counted.stream().noneMatch(m::sharesHardwareWith)) {
                counted.add(m);
                rate += m.cost(op, scheme).itemsPerSecond();
            }
        }
        return rate > 0 ? 1e9 / rate : 0;
    }

    /** Counts a failover of work the member failed on, and takes the member out of rotation. */
    void failed(Member m, BackendException e) {
        metrics.backendFailure(m.id());
        takeOut(m, e.getMessage());
    }

    /** Takes the member out of rotation until a probe brings it back. */
    void takeOut(Member m, String reason) {
        if (m.takeOut()) {
            metrics.rotation(m.id(), false);
            LOG.warning("backend " + m.id() + " taken out of rotation: " + reason);
        }
    }

    /** Puts the member back in rotation after a good probe. */
    void recovered(Member m) {
        if (m.putBack()) {
            metrics.rotation(m.id(), true);
            LOG.info("backend " + m.id() + " back in rotation");
        }
    }

    @Override
    public void close() {
        lanes.values().forEach(CoalescingLane::close);
        async.shutdownNow();
    }
}
