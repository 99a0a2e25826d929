package dev.sigil.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.SigilGrpc;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server's retry pushback ({@code grpc-retry-pushback-ms}, sent by Sigil with {@code overloaded}) is honoured:
 * the retry waits for it, is not made when it would end past the deadline or when the pushback is negative, and a
 * paused address is passed over for another healthy one. Against stand-in servers that refuse on purpose.
 */
class RetryPushbackTest {
    private static final Metadata.Key<String> PUSHBACK =
            Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);
    private final List<Server> servers = new ArrayList<>();

    /** Answers its first {@code refusals} verify calls RESOURCE_EXHAUSTED {@code overloaded}, then one VALID. */
    private static final class Busy extends SigilGrpc.SigilImplBase {
        final int refusals;
        final String pushback;
        final AtomicInteger calls = new AtomicInteger();
        final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

        Busy(int refusals, String pushback) {
            this.refusals = refusals;
            this.pushback = pushback;
        }

        @Override
        public void verify(VerifyRequest request, StreamObserver<VerifyResponse> out) {
            arrivals.add(System.nanoTime());
            if (calls.incrementAndGet() <= refusals) {
                Metadata trailers = new Metadata();
                if (pushback != null) {
                    trailers.put(PUSHBACK, pushback);
                }
                out.onError(Status.RESOURCE_EXHAUSTED.withDescription("overloaded: busy; retry later")
                        .asRuntimeException(trailers));
                return;
            }
            out.onNext(VerifyResponse.newBuilder().setRules("standard").addResults(Result.VALID).build());
            out.onCompleted();
        }
    }

    private String serve(Busy busy) throws IOException {
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus(SigilClient.SERVICE, HealthCheckResponse.ServingStatus.SERVING);
        Server s = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(busy)
                .addService(health.getHealthService()).build().start();
        servers.add(s);
        return "127.0.0.1:" + s.getPort();
    }

    @AfterEach
    void stop() {
        servers.forEach(Server::shutdownNow);
    }

    private static SigilClient client(List<String> addresses, Duration deadline) {
        return SigilClient.builder().addresses(addresses).deadline(deadline)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(1)).healthInterval(Duration.ofHours(1)).build();
    }

    private static VerifyRequest request() {
        return VerifyRequest.getDefaultInstance();
    }

    @Test
    void aPushbackShorterThanTheDeadline_isWaitedFor_thenTheRetrySucceeds() throws IOException {
        Busy busy = new Busy(1, "300");
        try (SigilClient client = client(List.of(serve(busy)), Duration.ofSeconds(20))) {
            assertThat(client.verify(request()).getResultsList()).containsExactly(Result.VALID);
        }
        assertThat(busy.calls).hasValue(2);
        // the retry came no sooner than the server asked (the backoff alone is at most 1 ms)
        assertThat(busy.arrivals.get(1) - busy.arrivals.get(0)).isGreaterThanOrEqualTo(300_000_000L);
    }

    @Test
    void aPushbackEndingPastTheDeadline_isNotWaitedFor_theCallFailsOverloadedAfterOneAttempt() throws IOException {
        Busy busy = new Busy(100, "60000");
        try (SigilClient client = client(List.of(serve(busy)), Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> client.verify(request())).isInstanceOfSatisfying(SigilClientException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
                        assertThat(e.code()).isEqualTo("overloaded");
                    });
        }
        assertThat(busy.calls).hasValue(1);
    }

    @Test
    void aNegativeOrUnreadablePushback_meansNoRetry() throws IOException {
        for (String pushback : List.of("-1", "soon")) {
            Busy busy = new Busy(100, pushback);
            try (SigilClient client = client(List.of(serve(busy)), Duration.ofSeconds(5))) {
                assertThatThrownBy(() -> client.verify(request())).isInstanceOf(SigilClientException.class);
            }
            assertThat(busy.calls).as(pushback).hasValue(1);
        }
    }

    @Test
    void withoutAPushback_overloadedIsRetriedWithTheBackoff() throws IOException {
        Busy busy = new Busy(2, null);
        try (SigilClient client = client(List.of(serve(busy)), Duration.ofSeconds(20))) {
            assertThat(client.verify(request()).getResultsList()).containsExactly(Result.VALID);
        }
        assertThat(busy.calls).hasValue(3);
    }

    @Test
    void anAddressInItsPushback_isPassedOver_forAnotherHealthyOne() throws IOException {
        Busy paused = new Busy(1_000, "60000");
        Busy free = new Busy(0, null);
        try (SigilClient client = client(List.of(serve(paused), serve(free)), Duration.ofSeconds(20))) {
            for (int i = 0; i < 6; i++) {
                assertThat(client.verify(request()).getResultsList()).containsExactly(Result.VALID);
            }
        }
        assertThat(paused.calls).hasValue(1);
        assertThat(free.calls).hasValue(6);
    }
}
