package dev.sigil.service.verify;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.routing.Cancellation;
import dev.sigil.service.routing.Router;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Verifies a decoded request: one {@link VerifyBatch} per scheme (keeping each item's index), each through the
 * {@link Router}, outcomes written back in request order.
 */
public final class VerifyService {
    private final BackendRegistry registry;
    private final Router router;
    private final Metrics metrics;

    public VerifyService(BackendRegistry registry, Router router, Metrics metrics) {
        this.registry = registry;
        this.router = router;
        this.metrics = metrics;
    }

    /**
     * Refuses at once when the router would refuse any request now, before the body is decoded.
     *
     * @throws dev.sigil.service.error.OverloadedException when refused
     */
    public void checkAdmission() {
        router.checkAdmission(Operation.VERIFY);
    }

    /**
     * Reserves work for a request body of this size before it is decoded ({@link Router#reserve}).
     *
     * @throws dev.sigil.service.error.OverloadedException when refused
     */
    public Router.Reservation reserve(long bodyBytes) {
        return router.reserve(Operation.VERIFY, bodyBytes);
    }

    public VerifyResult verify(VerifyRequest request) {
        return verify(request, new Cancellation());
    }

    public VerifyResult verify(VerifyRequest request, Cancellation cancellation) {
        return verify(request, cancellation, null);
    }

    /**
     * Verifies the request, admitted by the router as one piece of work (all its schemes), and dropped from the
     * backends' queues when cancelled.
     *
     * @throws dev.sigil.service.routing.OverloadedException when the router refuses the work
     * @throws dev.sigil.service.routing.CancelledException when cancelled before it was done
     */
    public VerifyResult verify(VerifyRequest request, Cancellation cancellation, Router.Reservation reserved) {
        RuleSet rules = request.rules() == null ? RuleSet.STANDARD : RuleSet.fromWire(request.rules())
                .orElseThrow(() -> new RequestException(ErrorCode.UNKNOWN_RULES,
                        "unknown rule set (rule sets: standard, low-s)"));
        List<VerifyRequest.Item> items = request.items();
        Outcome[] outcomes = new Outcome[items.size()];
        Map<Scheme, int[]> indices = group(items, outcomes);
        Optional<String> pin = Optional.ofNullable(request.backend());
        pin.ifPresent(id -> checkPin(id, indices.keySet()));
        Map<String, Integer> counts = new TreeMap<>();
        if (indices.isEmpty()) {
            return new VerifyResult(rules, outcomes, counts);
        }
        Map<Scheme, Integer> sizes = new EnumMap<>(Scheme.class);
        indices.forEach((s, idx) -> sizes.put(s, idx.length));
        try (Router.Ticket ticket = router.admit(Operation.VERIFY, sizes, cancellation, reserved)) {
            for (Map.Entry<Scheme, int[]> e : indices.entrySet()) {
                runScheme(e.getKey(), rules, e.getValue(), items, pin, outcomes, counts, ticket);
            }
        }
        return new VerifyResult(rules, outcomes, counts);
    }

    private static Map<Scheme, int[]> group(List<VerifyRequest.Item> items, Outcome[] outcomes) {
        Map<Scheme, Integer> sizes = new EnumMap<>(Scheme.class);
        for (int i = 0; i < items.size(); i++) {
            VerifyRequest.Item item = items.get(i);
            if (item.problem() != null) {
                outcomes[i] = item.problem();
            } else {
                sizes.merge(item.scheme(), 1, Integer::sum);
            }
        }
        Map<Scheme, int[]> indices = new EnumMap<>(Scheme.class);
        Map<Scheme, Integer> fill = new EnumMap<>(Scheme.class);
        sizes.forEach((s, n) -> {
            indices.put(s, new int[n]);
            fill.put(s, 0);
        });
        for (int i = 0; i < items.size(); i++) {
            Scheme s = items.get(i).scheme();
            if (s != null) {
                int at = fill.merge(s, 1, Integer::sum) - 1;
                indices.get(s)[at] = i;
            }
        }
        return indices;
    }

    private void checkPin(String id, Iterable<Scheme> schemes) {
        Backend backend = registry.get(id).orElseThrow(() -> new RequestException(ErrorCode.BACKEND_NOT_OFFERED,
                "no backend " + id + " is running"));
        for (Scheme s : schemes) {
            if (!BackendRegistry.schemes(backend, Operation.VERIFY).contains(s)) {
                throw new RequestException(ErrorCode.BACKEND_NOT_OFFERED, "backend " + id + " does not verify " + s);
            }
        }
    }

    private void runScheme(Scheme scheme, RuleSet rules, int[] index, List<VerifyRequest.Item> items,
            Optional<String> pin, Outcome[] outcomes, Map<String, Integer> counts, Router.Ticket ticket) {
        VerifyBatchBuilder builder = VerifyBatch.builder(scheme, rules, index.length);
        for (int i : index) {
            builder.add(items.get(i).encoded());
        }
        VerifyBatch batch = builder.build();
        metrics.batchSize(scheme.wireName(), batch.size());
        Router.Routed dispatch;
        try {
            dispatch = router.verify(batch, pin, ticket);
        } catch (BackendException e) {
            throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, "no backend could verify the "
                    + scheme + " items");
        }
        for (int k = 0; k < index.length; k++) {
            outcomes[index[k]] = dispatch.outcomes()[k];
        }
        for (Router.Part part : dispatch.parts()) {
            record(scheme, part, dispatch.outcomes(), counts);
        }
    }

    private void record(Scheme scheme, Router.Part part, Outcome[] outcomes, Map<String, Integer> counts) {
        int[] byVerdict = new int[Verdict.values().length];
        for (int k = part.from(); k < part.to(); k++) {
            byVerdict[outcomes[k].verdict().ordinal()]++;
        }
        for (Verdict v : Verdict.values()) {
            metrics.verifiedItems(scheme.wireName(), part.backendId(), v.wireName(), byVerdict[v.ordinal()]);
        }
        int checked = part.to() - part.from() - byVerdict[Verdict.MALFORMED.ordinal()];
        if (checked > 0) {
            counts.merge(part.backendId(), checked, Integer::sum);
        }
    }
}
