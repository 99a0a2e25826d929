package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.testing.AdversarialItems;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recovery as the router's own operation: its own estimates, admission, pinning and failover. */
class RouterRecoverTest {

    /** Recovers on the shared CPU reference; fails while {@code failing}; counts its batches. */
    private static final class Recovering implements Backend, Recoverer {
        final String id;
        final AtomicBoolean failing = new AtomicBoolean();
        final AtomicInteger batches = new AtomicInteger();

        Recovering(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public BackendKind kind() {
            return BackendKind.TEST;
        }

        @Override
        public String device() {
            return "test";
        }

        @Override
        public Optional<Recoverer> recoverer() {
            return Optional.of(this);
        }

        @Override
        public Set<Scheme> recoverableSchemes() {
            return EnumSet.of(Scheme.ECDSA_SECP256K1);
        }

        @Override
        public RecoveredKeys recover(RecoverBatch batch) {
            batches.incrementAndGet();
            if (failing.get()) {
                throw new BackendException.DeviceFailure(id, "device lost", null);
            }
            return Shared.cpu().recover(batch);
        }

        @Override
        public void close() {
        }
    }

    private static RecoverBatch batch(int n) {
        AdversarialItems gen = new AdversarialItems(Scheme.ECDSA_SECP256K1, 8, 16);
        RecoverBatchBuilder b = RecoverBatch.builder(RuleSet.STANDARD, n);
        gen.recoverItems(n).forEach(it -> b.add(it.item()));
        return b.build();
    }

    private static Router.Recovered recover(Router router, RecoverBatch batch, Optional<String> pin) {
        try (Router.Ticket t = router.admit(Operation.RECOVER, Map.of(Scheme.ECDSA_SECP256K1,
                batch.pendingCount()), new Cancellation())) {
            return router.recover(batch, pin, t);
        }
    }

    @Test
    void recover_failsOverToTheNextBackend_andAnswersAsTheReference() {
        Recovering a = new Recovering("a");
        Recovering b = new Recovering("b");
        RecoverBatch batch = batch(200);
        try (Router router = Shared.uncalibrated(a, b).build()) {
            a.failing.set(true);
            Router.Recovered first = recover(router, batch, Optional.of("a"));
            assertThat(first.backendId()).isEqualTo("b");
            assertThat(first.keys()).isEqualTo(Shared.cpu().recover(batch));
            assertThat(a.batches.get()).isOne();
            b.failing.set(true);
            assertThatThrownBy(() -> recover(router, batch, Optional.empty()))
                    .isInstanceOf(BackendException.class);
            assertThat(router.heldItems()).isZero();
        }
    }

    @Test
    void recover_keepsItsOwnEstimates_apartFromVerification() {
        Recovering a = new Recovering("a");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Router router = Shared.uncalibrated(a).meterRegistry(registry).build()) {
            for (int i = 0; i < 3; i++) {
                recover(router, batch(64), Optional.empty());
            }
            assertThat(registry.find(dev.sigil.service.ops.Metrics.ROUTING_BATCH_TIME)
                    .tag("operation", "recover").tag("source", "actual").timer().count()).isEqualTo(3);
            assertThat(registry.find(dev.sigil.service.ops.Metrics.ROUTING_BATCH_TIME)
                    .tag("operation", "verify").timer()).isNull();
            assertThat(registry.find(dev.sigil.service.ops.Metrics.ROUTING_ITEMS).tag("operation", "recover")
                    .counter().count()).isPositive();
        }
    }

    @Test
    void recover_pinnedToABackendThatDoesNotRecover_isRefused() {
        Recovering a = new Recovering("a");
        try (Router router = Shared.uncalibrated(a).build()) {
            assertThatThrownBy(() -> recover(router, batch(4), Optional.of("nope")))
                    .isInstanceOf(PinnedBackendUnavailableException.class);
        }
    }
}
