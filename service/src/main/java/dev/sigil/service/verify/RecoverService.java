package dev.sigil.service.verify;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.routing.Cancellation;
import dev.sigil.service.routing.Router;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Recovers the public keys of a decoded request (Ethereum's {@code ecrecover}): its secp256k1 items become one
 * {@link RecoverBatch}, run through the {@link Router} as {@link Operation#RECOVER}; items of any other scheme are
 * malformed. Keys and addresses are written back in request order.
 */
public final class RecoverService {
    private final BackendRegistry registry;
    private final Router router;
    private final Metrics metrics;

    public RecoverService(BackendRegistry registry, Router router, Metrics metrics) {
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
        router.checkAdmission(Operation.RECOVER);
    }

    /**
     * Reserves work for a request body of this size before it is decoded ({@link Router#reserve}).
     *
     * @throws dev.sigil.service.error.OverloadedException when refused
     */
    public Router.Reservation reserve(long bodyBytes) {
        return router.reserve(Operation.RECOVER, bodyBytes);
    }

    public RecoverResult recover(VerifyRequest request) {
        return recover(request, new Cancellation());
    }

    public RecoverResult recover(VerifyRequest request, Cancellation cancellation) {
        return recover(request, cancellation, null);
    }

    /**
     * Recovers the request's keys, admitted by the router as one piece of work.
     *
     * @throws dev.sigil.service.error.OverloadedException when the router refuses the work
     * @throws dev.sigil.service.routing.CancelledException when cancelled before it was done
     */
    public RecoverResult recover(VerifyRequest request, Cancellation cancellation, Router.Reservation reserved) {
        RuleSet rules = request.rules() == null ? RuleSet.STANDARD : RuleSet.fromWire(request.rules())
                .orElseThrow(() -> new RequestException(ErrorCode.UNKNOWN_RULES,
                        "unknown rule set (rule sets: standard, low-s)"));
        Optional<String> pin = Optional.ofNullable(request.backend());
        pin.ifPresent(this::checkPin);
        List<VerifyRequest.Item> items = request.items();
        RecoverBatchBuilder builder = RecoverBatch.builder(rules, items.size());
        for (VerifyRequest.Item item : items) {
            if (item.problem() != null) {
                builder.addMalformed(item.problem().problem(), item.problem().detail());
            } else if (item.scheme() != Scheme.ECDSA_SECP256K1) {
                builder.addMalformed(ProblemCode.MALFORMED_ITEM, "only ecdsa-secp256k1 signatures are recoverable");
            } else {
                builder.add(item.encoded());
            }
        }
        RecoverBatch batch = builder.build();
        Router.Recovered recovered;
        if (batch.pendingCount() == 0) {
            recovered = router.recover(batch, pin, null);
        } else {
            try (Router.Ticket ticket = router.admit(Operation.RECOVER,
                    Map.of(Scheme.ECDSA_SECP256K1, batch.pendingCount()), cancellation, reserved)) {
                recovered = router.recover(batch, pin, ticket);
            } catch (BackendException e) {
                throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, "no backend could recover the keys");
            }
        }
        return result(rules, recovered);
    }

    private void checkPin(String id) {
        Backend backend = registry.get(id).orElseThrow(() -> new RequestException(ErrorCode.BACKEND_NOT_OFFERED,
                "no backend " + id + " is running"));
        if (!BackendRegistry.schemes(backend, Operation.RECOVER).contains(Scheme.ECDSA_SECP256K1)) {
            throw new RequestException(ErrorCode.BACKEND_NOT_OFFERED, "backend " + id + " does not recover keys");
        }
    }

    private RecoverResult result(RuleSet rules, Router.Recovered recovered) {
        RecoveredKeys keys = recovered.keys();
        int n = keys.size();
        byte[][] publicKeys = new byte[n][];
        byte[][] addresses = new byte[n][];
        int[] byVerdict = new int[Verdict.values().length];
        for (int i = 0; i < n; i++) {
            Outcome o = keys.outcome(i);
            byVerdict[o.verdict().ordinal()]++;
            publicKeys[i] = keys.uncompressed(i);
            addresses[i] = keys.address(i);
        }
        Map<String, Integer> counts = new TreeMap<>();
        String backend = recovered.backendId();
        if (backend != null) {
            for (Verdict v : Verdict.values()) {
                metrics.recoveredItems(Scheme.ECDSA_SECP256K1.wireName(), backend, v.wireName(),
                        byVerdict[v.ordinal()]);
            }
            int checked = n - byVerdict[Verdict.MALFORMED.ordinal()];
            if (checked > 0) {
                counts.put(backend, checked);
            }
        }
        return new RecoverResult(rules, keys.outcomes(), publicKeys, addresses, counts);
    }
}
