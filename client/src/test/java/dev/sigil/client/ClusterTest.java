package dev.sigil.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.RecoverRequest;
import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.Scheme;
import dev.sigil.grpc.v1.SignItem;
import dev.sigil.grpc.v1.SignRequest;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import dev.sigil.service.SigilServer;
import dev.sigil.service.grpc.ProtoItems;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several real servers: round robin, retries past a stopped server, health after a restart, the stream window. */
class ClusterTest {
    @TempDir
    Path dir;

    private static List<Vectors.Vector> ed25519() {
        return Vectors.wycheproof("ed25519_test.json", null);
    }

    private static VerifyRequest request(int first, int count) {
        VerifyRequest.Builder b = VerifyRequest.newBuilder();
        List<Vectors.Vector> v = ed25519();
        for (int i = 0; i < count; i++) {
            b.addItems(ProtoItems.toProto(Scheme.ED25519, v.get((first + i) % v.size()).item()));
        }
        return b.build();
    }

    private static List<Boolean> expected(int first, int count) {
        List<Vectors.Vector> v = ed25519();
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(v.get((first + i) % v.size()).valid());
        }
        return out;
    }

    private static List<Boolean> valid(VerifyResponse r) {
        return r.getResultsList().stream().map(x -> x == Result.VALID).toList();
    }

    private static SigilClient client(List<SigilServer> servers, String token) {
        return SigilClient.builder().addresses(servers.stream().map(Servers::address).toList()).token(token)
                .deadline(Duration.ofMinutes(1)).backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .healthInterval(Duration.ofHours(1)).build();
    }

    @Test
    void roundRobin_spreadsCallsEvenlyOverTwoHealthyServers() {
        try (SigilServer a = Servers.start(dir.resolve("a"), 0); SigilServer b = Servers.start(dir.resolve("b"), 0);
                SigilClient client = client(List.of(a, b), Servers.NODE)) {
            assertThat(client.healthyAddresses()).containsExactly(Servers.address(a), Servers.address(b));
            long a0 = Servers.grpcVerifyCalls(a);
            long b0 = Servers.grpcVerifyCalls(b);
            for (int i = 0; i < 10; i++) {
                assertThat(valid(client.verify(request(i, 3)))).isEqualTo(expected(i, 3));
            }
            assertThat(Servers.grpcVerifyCalls(a) - a0).isEqualTo(5);
            assertThat(Servers.grpcVerifyCalls(b) - b0).isEqualTo(5);
        }
    }

    @Test
    void aServerStopped_callsStillSucceedThroughTheOther_andARestartedServerIsUsedAgain() {
        SigilServer a = Servers.start(dir.resolve("a"), 0);
        int portA = a.port();
        try (SigilServer b = Servers.start(dir.resolve("b"), 0);
                SigilClient client = client(List.of(a, b), Servers.NODE)) {
            String addressA = Servers.address(a);
            a.stop();
            // the client has not noticed yet: the call that meets the stopped server is retried on the other
            long b0 = Servers.grpcVerifyCalls(b);
            for (int i = 0; i < 6; i++) {
                assertThat(valid(client.verify(request(i, 2)))).isEqualTo(expected(i, 2));
            }
            assertThat(Servers.grpcVerifyCalls(b) - b0).isEqualTo(6);
            assertThat(client.healthyAddresses()).containsExactly(Servers.address(b));
            Item k1 = Item.newBuilder().setScheme(Scheme.ECDSA_SECP256K1).setMessage(ByteString.copyFromUtf8("m"))
                    .setSignature(ByteString.copyFrom(new byte[65])).build();
            assertThat(client.recover(RecoverRequest.newBuilder().addItems(k1).build()).getResultsCount()).isEqualTo(1);

            // the same address comes back; the next health check sees it serving and calls go there again
            try (SigilServer again = Servers.start(dir.resolve("a"), portA)) {
                client.refreshHealth();
                assertThat(client.healthyAddresses()).containsExactly(addressA, Servers.address(b));
                long a0 = Servers.grpcVerifyCalls(again);
                for (int i = 0; i < 4; i++) {
                    client.verify(request(i, 1));
                }
                assertThat(Servers.grpcVerifyCalls(again) - a0).isEqualTo(2);
            }
        } finally {
            a.stop();
        }
    }

    @Test
    void aDnsTarget_isResolved_andItsServerAnswers() {
        try (SigilServer a = Servers.start(dir.resolve("a"), 0)) {
            String target = "dns:///localhost:" + a.port();
            try (SigilClient client = SigilClient.builder().addresses(List.of(target)).token(Servers.NODE)
                    .healthInterval(Duration.ofHours(1)).build()) {
                assertThat(client.healthyAddresses()).containsExactly(target);
                long a0 = Servers.grpcVerifyCalls(a);
                for (int i = 0; i < 3; i++) {
                    assertThat(valid(client.verify(request(i, 2)))).isEqualTo(expected(i, 2));
                }
                assertThat(Servers.grpcVerifyCalls(a) - a0).isEqualTo(3);
            }
        }
    }

    @Test
    void everyServerStopped_verifyFailsUnavailableAfterItsAttempts() {
        SigilServer a = Servers.start(dir.resolve("a"), 0);
        try (SigilClient client = SigilClient.builder().addresses(List.of(Servers.address(a)))
                .token(Servers.NODE).maxAttempts(3).backoff(Duration.ofMillis(5), Duration.ofMillis(20))
                .healthInterval(Duration.ofHours(1)).build()) {
            a.stop();
            assertThatThrownBy(() -> client.verify(request(0, 1))).isInstanceOfSatisfying(SigilClientException.class,
                    e -> assertThat(e.status()).isEqualTo(Status.Code.UNAVAILABLE));
        } finally {
            a.stop();
        }
    }

    @Test
    void sign_isNeverRetried_evenWhenAnotherServerIsUp() {
        SigilServer a = Servers.start(dir.resolve("a"), 0);
        try (SigilServer b = Servers.start(dir.resolve("b"), 0);
                SigilClient client = client(List.of(a, b), Servers.SIGNER)) {
            Servers.createKey(b, "validator-ed", "ed25519");
            a.stop();
            SignRequest sign = SignRequest.newBuilder().setKeyId("validator-ed")
                    .addItems(SignItem.newBuilder().setMessage(ByteString.copyFromUtf8("once"))).build();
            // the first call goes to the first address (stopped, not yet known to be): it fails, not retried
            assertThatThrownBy(() -> client.sign(sign)).isInstanceOfSatisfying(SigilClientException.class,
                    e -> assertThat(e.status()).isEqualTo(Status.Code.UNAVAILABLE));
            // now the client knows; the next call goes to the server that is up
            assertThat(client.sign(sign).getSignaturesCount()).isEqualTo(1);
        } finally {
            a.stop();
        }
    }

    @Test
    void verifyStream_keepsAtMostTheWindowOutstanding_andAnswersInOrder() {
        try (SigilServer a = Servers.start(dir.resolve("a"), 0);
                SigilClient client = client(List.of(a), Servers.NODE)) {
            int n = 40;
            int window = 3;
            AtomicInteger pulled = new AtomicInteger();
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger maxOutstanding = new AtomicInteger();
            Iterator<VerifyRequest> requests = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return pulled.get() < n;
                }

                @Override
                public VerifyRequest next() {
                    int i = pulled.getAndIncrement();
                    maxOutstanding.accumulateAndGet(i + 1 - answered.get(), Math::max);
                    return request(i, 1 + i % 4);
                }
            };
            List<VerifyResponse> responses = new ArrayList<>();
            client.verifyStream(requests, window, Duration.ofMinutes(1), r -> {
                answered.incrementAndGet();
                responses.add(r);
            });
            assertThat(responses).hasSize(n);
            assertThat(maxOutstanding.get()).isBetween(1, window);
            for (int i = 0; i < n; i++) {
                assertThat(valid(responses.get(i))).as("response %d", i).isEqualTo(expected(i, 1 + i % 4));
            }
            // the list form gives the same answers
            List<VerifyRequest> list = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                list.add(request(i, 2));
            }
            List<VerifyResponse> again = client.verifyStream(list.iterator(), 1);
            for (int i = 0; i < 10; i++) {
                assertThat(valid(again.get(i))).isEqualTo(expected(i, 2));
            }
            assertThatThrownBy(() -> client.verifyStream(list.iterator(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void verifyStream_withoutAToken_failsAsAWhole() {
        try (SigilServer a = Servers.start(dir.resolve("a"), 0);
                SigilClient client = client(List.of(a), null)) {
            assertThatThrownBy(() -> client.verifyStream(List.of(request(0, 1)).iterator(), 2))
                    .isInstanceOfSatisfying(SigilClientException.class,
                            e -> assertThat(e.status()).isEqualTo(Status.Code.UNAUTHENTICATED));
        }
    }
}
