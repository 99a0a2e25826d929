package dev.sigil.client;

import dev.sigil.grpc.v1.RecoverRequest;
import dev.sigil.grpc.v1.RecoverResponse;
import dev.sigil.grpc.v1.SigilGrpc;
import dev.sigil.grpc.v1.SignRequest;
import dev.sigil.grpc.v1.SignResponse;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import io.grpc.CallCredentials;
import io.grpc.ConnectivityState;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A client of {@code sigil.v1.Sigil} over one or more servers.
 *
 * <ul>
 *   <li>Each address gets its own channel; calls go round robin over the addresses whose last
 *       {@code grpc.health.v1.Health/Check} of {@code sigil.v1.Sigil} answered SERVING (checked at start and then
 *       every {@code healthInterval}, each check waiting up to 2 s for a connection, so {@code build()} takes that long
 *       when an address is down; a call that meets UNAVAILABLE marks its address unhealthy until the next check
 *       says otherwise). When no address is healthy, all of them are tried.
 *   <li>{@code verify} and {@code recover} are idempotent and are retried, on another healthy address where there is
 *       one, on UNAVAILABLE and RESOURCE_EXHAUSTED (except {@code batch-too-large} and {@code payload-too-large},
 *       which no retry can cure), and on INTERNAL or UNKNOWN that did not come from a Sigil server (no code word:
 *       a stream broken in transport, as a proxy ends one whose server died mid-answer): at most
 *       {@code maxAttempts} attempts, with exponential backoff and full jitter, and never past the call's deadline. A server's retry pushback ({@code grpc-retry-pushback-ms}, which Sigil sends
 *       with {@code overloaded}) is honoured: that address is not called again before it ends (other healthy
 *       addresses are), a retry that would have to wait past the deadline is not made, and a negative pushback
 *       means no retry. {@code sign} is never retried.
 *   <li>Every call has a deadline: the builder's, or the one given to the call (it covers all attempts).
 * </ul>
 *
 * The token is sent as {@code authorization: Bearer ...} on every call and never appears in exceptions.
 */
public final class SigilClient implements AutoCloseable {
    static final String SERVICE = "sigil.v1.Sigil";
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> PUSHBACK =
            Metadata.Key.of("grpc-retry-pushback-ms", Metadata.ASCII_STRING_MARSHALLER);

    private final List<Endpoint> endpoints;
    private final CallCredentials credentials;
    private final Duration deadline;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final ScheduledExecutorService health;
    private final AtomicInteger next = new AtomicInteger();

    private SigilClient(Builder b) {
        this.deadline = b.deadline;
        this.maxAttempts = b.maxAttempts;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.credentials = b.token == null ? null : new BearerCredentials(b.token);
        List<Endpoint> list = new ArrayList<>();
        for (String address : b.addresses) {
            ManagedChannelBuilder<?> cb = ManagedChannelBuilder.forTarget(address);
            if (address.contains(":///")) {
                // a name that resolves to several servers (dns:/// of a Kubernetes headless Service): calls go
                // round robin over every address it resolves to, not to the first one only
                cb.defaultLoadBalancingPolicy("round_robin");
            }
            if (b.plaintext) {
                cb.usePlaintext();
            } else {
                cb.useTransportSecurity();
            }
            list.add(new Endpoint(address, cb.build()));
        }
        this.endpoints = List.copyOf(list);
        this.health = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sigil-client-health");
            t.setDaemon(true);
            return t;
        });
        checkHealth(b.healthTimeout);
        long every = b.healthInterval.toMillis();
        health.scheduleWithFixedDelay(() -> checkHealth(b.healthTimeout), every, every, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- unary calls ----

    public VerifyResponse verify(VerifyRequest request) {
        return verify(request, deadline);
    }

    public VerifyResponse verify(VerifyRequest request, Duration deadline) {
        return call(true, deadline, stub -> stub.verify(request));
    }

    public RecoverResponse recover(RecoverRequest request) {
        return recover(request, deadline);
    }

    public RecoverResponse recover(RecoverRequest request, Duration deadline) {
        return call(true, deadline, stub -> stub.recover(request));
    }

    /** Signs; never retried (a retry could sign twice). */
    public SignResponse sign(SignRequest request) {
        return sign(request, deadline);
    }

    public SignResponse sign(SignRequest request, Duration deadline) {
        return call(false, deadline, stub -> stub.sign(request));
    }

    private <T> T call(boolean idempotent, Duration timeout, Function<SigilGrpc.SigilBlockingStub, T> call) {
        Objects.requireNonNull(timeout, "deadline");
        io.grpc.Deadline end = io.grpc.Deadline.after(timeout.toNanos(), TimeUnit.NANOSECONDS);
        int attempts = idempotent ? maxAttempts : 1;
        Endpoint last = null;
        Status lastStatus = null;
        for (int attempt = 1; ; attempt++) {
            Endpoint e = pick(last);
            if (lastStatus != null) {
                // the server asked for a pause (its retry pushback) that is not over: wait for it, or give up now
                // when it ends past the deadline
                long pause = e.pausedUntil - System.nanoTime();
                if (pause > 0) {
                    if (pause >= end.timeRemaining(TimeUnit.NANOSECONDS)) {
                        throw new SigilClientException(lastStatus, null);
                    }
                    sleep(TimeUnit.NANOSECONDS.toMillis(pause) + 1);
                }
            }
            last = e;
            SigilGrpc.SigilBlockingStub stub = SigilGrpc.newBlockingStub(e.channel).withDeadline(end);
            if (credentials != null) {
                stub = stub.withCallCredentials(credentials);
            }
            try {
                return call.apply(stub);
            } catch (StatusRuntimeException ex) {
                Status status = ex.getStatus();
                lastStatus = status;
                if (status.getCode() == Status.Code.UNAVAILABLE) {
                    e.healthy = false;
                }
                long pushback = pushbackMillis(ex.getTrailers());
                if (pushback > 0) {
                    e.pausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pushback);
                }
                if (attempt >= attempts || !retryable(status) || pushback < 0 || end.isExpired()) {
                    throw new SigilClientException(status, null);
                }
                long wait = backoff(attempt);
                if (wait >= end.timeRemaining(TimeUnit.MILLISECONDS)) {
                    throw new SigilClientException(status, null);
                }
                sleep(wait);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new SigilClientException(Status.CANCELLED.withDescription("interrupted"), ie);
        }
    }

    /**
     * The server's retry pushback ({@code grpc-retry-pushback-ms}, gRFC A6) in milliseconds: 0 when there is none, -1
     * when it says not to retry (a negative or unreadable value).
     */
    static long pushbackMillis(Metadata trailers) {
        String value = trailers == null ? null : trailers.get(PUSHBACK);
        if (value == null) {
            return 0;
        }
        try {
            long ms = Long.parseLong(value.trim());
            return ms < 0 ? -1 : ms;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static boolean retryable(Status status) {
        return switch (status.getCode()) {
            case UNAVAILABLE -> true;
            // without the API's code word the status did not come from a Sigil server but from the transport: a
            // stream broken mid-answer (a proxy whose server died after the response headers), or a proxy's HTTP
            // error; the request may not have been served, and verify and recover are safe to repeat
            case INTERNAL, UNKNOWN -> SigilClientException.codeWord(status.getDescription()).isEmpty();
            case RESOURCE_EXHAUSTED -> {
                String word = SigilClientException.codeWord(status.getDescription());
                yield !word.equals("batch-too-large") && !word.equals("payload-too-large");
            }
            default -> false;
        };
    }

    /** Full jitter: uniform in [0, min(max, initial * 2^(attempt-1))]. */
    long backoff(int attempt) {
        long cap = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 30));
        return ThreadLocalRandom.current().nextLong(cap + 1);
    }

    // ---- streaming ----

    /**
     * Sends the requests on one {@code VerifyStream}, with at most {@code window} requests sent and not yet answered;
     * returns the responses in request order.
     */
    public List<VerifyResponse> verifyStream(Iterator<VerifyRequest> requests, int window) {
        List<VerifyResponse> out = new ArrayList<>();
        verifyStream(requests, window, deadline, out::add);
        return out;
    }

    /**
     * Sends the requests on one {@code VerifyStream}, pulling the next request from the iterator only while fewer
     * than {@code window} are unanswered, and hands each response to {@code onResponse} in request order (before
     * the next request is pulled). The stream is not retried; it fails as a whole with {@link SigilClientException}.
     */
    public void verifyStream(Iterator<VerifyRequest> requests, int window, Duration deadline,
            Consumer<VerifyResponse> onResponse) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1");
        }
        AtomicReference<ClientCallStreamObserver<VerifyRequest>> call = new AtomicReference<>();
        Endpoint e = pick(null);
        SigilGrpc.SigilStub stub = SigilGrpc.newStub(e.channel)
                .withDeadlineAfter(deadline.toNanos(), TimeUnit.NANOSECONDS);
        if (credentials != null) {
            stub = stub.withCallCredentials(credentials);
        }
        // responses are handed over on the caller's thread, in order
        BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
        Object end = new Object();
        stub.verifyStream(new ClientResponseObserver<VerifyRequest, VerifyResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<VerifyRequest> requestStream) {
                call.set(requestStream);
            }

            @Override
            public void onNext(VerifyResponse value) {
                inbox.add(value);
            }

            @Override
            public void onError(Throwable t) {
                inbox.add(t);
            }

            @Override
            public void onCompleted() {
                inbox.add(end);
            }
        });
        ClientCallStreamObserver<VerifyRequest> out = call.get();
        int sent = 0;
        int answered = 0;
        try {
            boolean more = true;
            while (more || answered < sent) {
                if (more && sent - answered < window) {
                    if (requests.hasNext()) {
                        out.onNext(requests.next());
                        sent++;
                        continue;
                    }
                    more = false;
                    out.onCompleted();
                    continue;
                }
                Object m = inbox.take();
                if (m instanceof VerifyResponse r) {
                    answered++;
                    onResponse.accept(r);
                } else if (m instanceof Throwable t) {
                    throw failure(e, t);
                } else {
                    break;
                }
            }
            if (answered < sent) {
                throw new SigilClientException(Status.INTERNAL.withDescription(
                        "stream ended after " + answered + " of " + sent + " responses"), null);
            }
            // wait for the end of the stream (or its error)
            Object m = inbox.take();
            if (m instanceof Throwable t) {
                throw failure(e, t);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            out.cancel("interrupted", ie);
            throw new SigilClientException(Status.CANCELLED.withDescription("interrupted"), ie);
        } catch (RuntimeException ex) {
            out.cancel("client failed", ex);
            throw ex;
        }
    }

    private static SigilClientException failure(Endpoint e, Throwable t) {
        Status status = Status.fromThrowable(t);
        if (status.getCode() == Status.Code.UNAVAILABLE) {
            e.healthy = false;
        }
        return new SigilClientException(status, null);
    }

    // ---- addresses and health ----

    /**
     * Round robin over the healthy addresses not paused by a retry pushback, other than {@code avoid} where another
     * such one exists; failing that over the healthy ones, then over all.
     */
    private Endpoint pick(Endpoint avoid) {
        long now = System.nanoTime();
        List<Endpoint> candidates = new ArrayList<>(endpoints.size());
        for (Endpoint e : endpoints) {
            if (e.healthy && e != avoid && e.pausedUntil - now <= 0) {
                candidates.add(e);
            }
        }
        if (candidates.isEmpty()) {
            for (Endpoint e : endpoints) {
                if (e.healthy && e.pausedUntil - now <= 0) {
                    candidates.add(e);
                }
            }
        }
        if (candidates.isEmpty()) {
            for (Endpoint e : endpoints) {
                if (e.healthy) {
                    candidates.add(e);
                }
            }
        }
        if (candidates.isEmpty()) {
            candidates.addAll(endpoints);
        }
        return candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
    }

    private void checkHealth(Duration timeout) {
        List<CompletableFuture<Void>> checks = new ArrayList<>();
        for (Endpoint e : endpoints) {
            checks.add(CompletableFuture.runAsync(() -> {
                if (e.channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
                    // a server that went away may be back: connect now rather than after the reconnect backoff
                    e.channel.resetConnectBackoff();
                }
                try {
                    // wait for the connection (up to the timeout) rather than fail at once on the last failure
                    HealthCheckResponse r = HealthGrpc.newBlockingStub(e.channel).withWaitForReady()
                            .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                            .check(HealthCheckRequest.newBuilder().setService(SERVICE).build());
                    e.healthy = r.getStatus() == HealthCheckResponse.ServingStatus.SERVING;
                } catch (StatusRuntimeException ex) {
                    e.healthy = false;
                }
            }));
        }
        checks.forEach(CompletableFuture::join);
    }

    /** The addresses whose last health check (or call) found them serving. */
    public List<String> healthyAddresses() {
        return endpoints.stream().filter(e -> e.healthy).map(e -> e.address).toList();
    }

    /** Re-checks every address now, as the periodic check does. */
    public void refreshHealth() {
        checkHealth(Duration.ofSeconds(5));
    }

    @Override
    public void close() {
        health.shutdownNow();
        for (Endpoint e : endpoints) {
            e.channel.shutdown();
        }
        for (Endpoint e : endpoints) {
            try {
                if (!e.channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    e.channel.shutdownNow();
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e.channel.shutdownNow();
            }
        }
    }

    private static final class Endpoint {
        final String address;
        final ManagedChannel channel;
        volatile boolean healthy = true;
        /** {@code System.nanoTime()} until which the server asked not to be called again (its retry pushback). */
        volatile long pausedUntil = System.nanoTime();

        Endpoint(String address, ManagedChannel channel) {
            this.address = address;
            this.channel = channel;
        }
    }

    /** {@code authorization: Bearer <token>}; the token is kept out of toString. */
    private static final class BearerCredentials extends CallCredentials {
        private final String token;

        BearerCredentials(String token) {
            this.token = token;
        }

        @Override
        public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
            Metadata m = new Metadata();
            m.put(AUTHORIZATION, "Bearer " + token);
            applier.apply(m);
        }

        @Override
        public String toString() {
            return "BearerCredentials[***]";
        }
    }

    /** Settings of a {@link SigilClient}. */
    public static final class Builder {
        private List<String> addresses = List.of();
        private String token;
        private Duration deadline = Duration.ofSeconds(30);
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(50);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration healthInterval = Duration.ofSeconds(5);
        private Duration healthTimeout = Duration.ofSeconds(2);
        private boolean plaintext = true;

        private Builder() {
        }

        /**
         * The servers (at least one): each {@code host:port}, or a gRPC target such as
         * {@code dns:///sigil-headless.ns.svc.cluster.local:8080}, whose resolved addresses are called round robin
         * (health checks and retries then apply to the name as a whole).
         */
        public Builder addresses(List<String> addresses) {
            this.addresses = List.copyOf(addresses);
            return this;
        }

        /** The API token (sent as a bearer token); none: calls go without one. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** The deadline of each call (all its attempts together); default 30 s. */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /** Attempts of verify/recover in all (1: no retries); default 4. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first retry waits up to this long, each later one up to twice as long, capped at max; 50 ms, 2 s. */
        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = positive(initial, "initial backoff");
            this.maxBackoff = positive(max, "max backoff");
            return this;
        }

        /** How often each address's health is checked; default 5 s. */
        public Builder healthInterval(Duration interval) {
            this.healthInterval = positive(interval, "health interval");
            return this;
        }

        /** TLS with the JVM's default trust store instead of cleartext HTTP/2 (the default). */
        public Builder tls(boolean tls) {
            this.plaintext = !tls;
            return this;
        }

        public SigilClient build() {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("at least one address is needed");
            }
            for (String a : addresses) {
                if (a == null || a.isBlank()) {
                    throw new IllegalArgumentException("an address is empty");
                }
            }
            return new SigilClient(this);
        }

        private static Duration positive(Duration d, String what) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }
    }
}
