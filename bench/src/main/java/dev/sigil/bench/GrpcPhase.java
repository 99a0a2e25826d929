package dev.sigil.bench;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.MoreExecutors;
import dev.sigil.crypto.Scheme;
import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.SigilGrpc;
import dev.sigil.grpc.v1.VerifyResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC phase: the open-loop load test of {@link HttpPhase} over {@code sigil.v1.Sigil/Verify} (the same
 * generator, rate steps and items, as protobuf messages through grpc-java's generated stubs), then the
 * small-request table ({@link SmallRequests}: HTTP, gRPC and in process). Against a service given with
 * {@code --grpc-target}, or the real one started as a child process.
 */
final class GrpcPhase {
    /** Channels the load test spreads its calls over (each one HTTP/2 connection). */
    static final int CHANNELS = 4;

    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;
    private final String mainClass;

    GrpcPhase(BenchOptions options, Progress progress, BenchPools pools, String mainClass) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
        this.mainClass = mainClass;
    }

    void run(Results results, List<Scheme> schemes, double capacityItemsPerSecond) throws IOException {
        if (!options.grpc()) {
            skip(results, "gRPC phase skipped (--no-grpc)");
            return;
        }
        if (options.grpcTarget() != null) {
            measure(results, options.grpcTarget(), schemes, capacityItemsPerSecond, null);
            return;
        }
        if (!ServiceProcess.isPresent(mainClass)) {
            skip(results, "gRPC phase skipped: the service (" + mainClass + ") is not on the class path; build it, "
                    + "or give --grpc-target of a running service");
            return;
        }
        Path log = options.out().resolve("service-grpc.log");
        progress.step("starting the service for the gRPC phase (%s), log in %s", mainClass, log);
        ServiceProcess.during(log, options.serviceConfig(),
                        service -> measure(results, service.address(), schemes, capacityItemsPerSecond,
                                () -> OverloadRun.processCpuNanos(service.pid())))
                .ifPresent(why -> skip(results, "gRPC phase failed to start the service: " + why));
    }

    /** The load test and the small-request table; {@code serviceCpu}: the service's CPU nanoseconds, or null. */
    private void measure(Results results, String target, List<Scheme> schemes, double capacity,
            java.util.function.LongSupplier serviceCpu) {
        results.grpcTarget = target;
        int per = options.itemsPerRequest();
        double capacityRps = Math.max(1, capacity / per);
        List<VerifyRequests.GrpcRequest> requests = VerifyRequests.grpc(pools, schemes, per, 32, options.httpBackend());
        try (LoadGenerator gen = new LoadGenerator(new GrpcSender(target, requests, CHANNELS),
                Duration.ofSeconds(30), 4096)) {
            progress.step("gRPC %s: warming up", target);
            results.grpcLoad.addAll(HttpPhase.steps(gen, capacityRps, per, options, progress, "gRPC"));
        }
        results.grpcStatus = results.grpcLoad.stream().anyMatch(Results.LoadStep::saturated) ? "ran to saturation"
                : "ran; not saturated within " + results.grpcLoad.size() + " steps";
        Scheme scheme = schemes.getFirst();
        results.smallScheme = scheme.wireName();
        new SmallRequests(options, progress, pools).run(results, URI.create("http://" + target), target, scheme,
                serviceCpu);
    }

    private void skip(Results results, String why) {
        results.grpcStatus = why;
        results.notes.add(why);
        progress.step("%s", why);
    }

    /** {@code Verify} calls through future stubs over a few channels, in turn; an answer is checked by its count. */
    static final class GrpcSender implements LoadGenerator.Sender {
        private final List<ManagedChannel> channels = new ArrayList<>();
        private final List<SigilGrpc.SigilFutureStub> stubs = new ArrayList<>();
        private final List<VerifyRequests.GrpcRequest> requests;

        GrpcSender(String target, List<VerifyRequests.GrpcRequest> requests, int channelCount) {
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("no requests");
            }
            this.requests = List.copyOf(requests);
            for (int i = 0; i < channelCount; i++) {
                ManagedChannel c = ManagedChannelBuilder.forTarget(target).usePlaintext()
                        .maxInboundMessageSize(64 << 20).build();
                channels.add(c);
                stubs.add(SigilGrpc.newFutureStub(c));
            }
        }

        @Override
        public CompletableFuture<String> send(int i) {
            VerifyRequests.GrpcRequest r = requests.get(i % requests.size());
            CompletableFuture<String> out = new CompletableFuture<>();
            Futures.addCallback(stubs.get(i % stubs.size()).withDeadlineAfter(60, TimeUnit.SECONDS)
                    .verify(r.request()), new FutureCallback<VerifyResponse>() {
                        @Override
                        public void onSuccess(VerifyResponse response) {
                            out.complete(valid(response) == r.expectedValid()
                                    && response.getResultsCount() == r.request().getItemsCount()
                                    ? null : "wrong results");
                        }

                        @Override
                        public void onFailure(Throwable t) {
                            out.complete("status " + Status.fromThrowable(t).getCode());
                        }
                    }, MoreExecutors.directExecutor());
            return out;
        }

        static int valid(VerifyResponse response) {
            int n = 0;
            for (Result r : response.getResultsList()) {
                n += r == Result.VALID ? 1 : 0;
            }
            return n;
        }

        @Override
        public void close() {
            channels.forEach(ManagedChannel::shutdownNow);
        }
    }
}
