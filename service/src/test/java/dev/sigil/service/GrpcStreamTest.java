package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.Scheme;
import dev.sigil.grpc.v1.SigilGrpc;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import dev.sigil.service.grpc.ProtoItems;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code VerifyStream}: one answer per request, in order, and a client that does not read is not buffered for. */
class GrpcStreamTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static ManagedChannel channel;
    static List<Vectors.Vector> vectors;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, "");
        channel = GrpcApiTest.channel(server);
        vectors = Vectors.wycheproof("ed25519_test.json", null);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        server.close();
    }

    /** Request {@code i}: {@code i % 9 + 1} vectors from {@code i} on, under alternating rule sets. */
    private static VerifyRequest request(int i) {
        VerifyRequest.Builder b = VerifyRequest.newBuilder().setRules(i % 2 == 0 ? "standard" : "low-s");
        for (int k = 0; k <= i % 9; k++) {
            b.addItems(ProtoItems.toProto(Scheme.ED25519, vectors.get((i + k) % vectors.size()).item()));
        }
        return b.build();
    }

    /** Collects a stream's answers and its end. */
    private static final class Collector implements StreamObserver<VerifyResponse> {
        final List<VerifyResponse> responses = new CopyOnWriteArrayList<>();
        final CompletableFuture<Status> end = new CompletableFuture<>();

        @Override
        public void onNext(VerifyResponse value) {
            responses.add(value);
        }

        @Override
        public void onError(Throwable t) {
            end.complete(Status.fromThrowable(t));
        }

        @Override
        public void onCompleted() {
            end.complete(Status.OK);
        }
    }

    @Test
    void verifyStream_answersEveryRequestInOrder_asVerifyDoes() throws Exception {
        Collector collector = new Collector();
        StreamObserver<VerifyRequest> requests = SigilGrpc.newStub(channel).verifyStream(collector);
        int n = 60;
        for (int i = 0; i < n; i++) {
            requests.onNext(request(i));
        }
        requests.onCompleted();
        assertThat(collector.end.get(2, TimeUnit.MINUTES).getCode()).isEqualTo(Status.Code.OK);
        assertThat(collector.responses).hasSize(n);
        SigilGrpc.SigilBlockingStub unary = SigilGrpc.newBlockingStub(channel);
        for (int i = 0; i < n; i++) {
            assertThat(collector.responses.get(i)).as("answer %d", i).isEqualTo(unary.verify(request(i)));
        }
    }

    @Test
    void verifyStream_aWholeRequestError_endsTheStreamWithItsStatus_afterTheAnswersBeforeIt() throws Exception {
        Collector collector = new Collector();
        StreamObserver<VerifyRequest> requests = SigilGrpc.newStub(channel).verifyStream(collector);
        requests.onNext(request(0));
        requests.onNext(request(1));
        requests.onNext(request(2).toBuilder().setRules("lax").build());
        requests.onNext(request(3));
        requests.onCompleted();
        Status status = collector.end.get(2, TimeUnit.MINUTES);
        assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(status.getDescription()).startsWith("unknown-rules: ");
        assertThat(collector.responses).hasSize(2);
        assertThat(collector.responses.get(1).getResultsCount()).isEqualTo(2);
    }

    @Test
    void verifyStream_withoutAToken_whenVerifyNeedsOne_isUnauthenticated() throws Exception {
        try (TestServer closed = TestServer.start(dir.resolve("closed"), "auth: {verifyOpen: false}")) {
            ManagedChannel c = GrpcApiTest.channel(closed);
            try {
                Collector collector = new Collector();
                StreamObserver<VerifyRequest> requests = SigilGrpc.newStub(c).verifyStream(collector);
                requests.onNext(request(0));
                requests.onCompleted();
                Status status = collector.end.get(2, TimeUnit.MINUTES);
                assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                assertThat(status.getDescription()).startsWith("unauthenticated: ");
                assertThat(collector.responses).isEmpty();
            } finally {
                c.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
            }
        }
    }

    /** A big request whose answer is big too: {@code size} malformed items (each answered with a problem). */
    private static VerifyRequest bulky(int size) {
        VerifyRequest.Builder b = VerifyRequest.newBuilder();
        Item item = Item.newBuilder().setScheme(Scheme.SCHEME_UNSPECIFIED)
                .setSignature(ByteString.copyFrom(new byte[64])).build();
        for (int k = 0; k < size; k++) {
            b.addItems(item);
        }
        return b.build();
    }

    @Test
    void verifyStream_aClientThatDoesNotRead_stallsTheSender_thenGetsEveryAnswerInOrder() throws Exception {
        int limit = 400;
        Semaphore ready = new Semaphore(0);
        List<VerifyResponse> responses = new CopyOnWriteArrayList<>();
        CompletableFuture<Status> end = new CompletableFuture<>();
        List<ClientCallStreamObserver<VerifyRequest>> call = new ArrayList<>();
        SigilGrpc.newStub(channel).verifyStream(new ClientResponseObserver<VerifyRequest, VerifyResponse>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<VerifyRequest> requestStream) {
                requestStream.disableAutoRequestWithInitial(0); // read no answer until told
                requestStream.setOnReadyHandler(ready::release);
                call.add(requestStream);
            }

            @Override
            public void onNext(VerifyResponse value) {
                responses.add(value);
            }

            @Override
            public void onError(Throwable t) {
                end.complete(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
                end.complete(Status.OK);
            }
        });
        ClientCallStreamObserver<VerifyRequest> requests = call.getFirst();
        // send while the transport takes requests; a server that read (and answered into memory) without bound would
        // take all of them
        int sent = 0;
        boolean stalled = false;
        while (sent < limit && !stalled) {
            if (requests.isReady()) {
                requests.onNext(bulky(1000 - sent % 10));
                sent++;
            } else {
                ready.drainPermits();
                stalled = !requests.isReady() && !ready.tryAcquire(5, TimeUnit.SECONDS);
            }
        }
        assertThat(stalled).as("the sender stalled before %d requests", limit).isTrue();
        assertThat(sent).isLessThan(limit);
        assertThat(responses).isEmpty();
        // now read: every answer arrives, in order, and the stream completes
        requests.request(Integer.MAX_VALUE);
        requests.onCompleted();
        assertThat(end.get(2, TimeUnit.MINUTES).getCode()).isEqualTo(Status.Code.OK);
        assertThat(responses).hasSize(sent);
        for (int i = 0; i < sent; i++) {
            assertThat(responses.get(i).getResultsCount()).as("answer %d", i).isEqualTo(1000 - i % 10);
            assertThat(responses.get(i).getProblems(0).getCode()).isEqualTo("unknown-scheme");
        }
    }

    @Test
    void verifyStream_cancelledByTheClient_endsQuietly_andTheServerStillAnswers() throws Exception {
        Collector collector = new Collector();
        StreamObserver<VerifyRequest> requests = SigilGrpc.newStub(channel).verifyStream(collector);
        requests.onNext(request(4));
        requests.onError(new StatusRuntimeException(Status.CANCELLED));
        assertThat(collector.end.get(2, TimeUnit.MINUTES).getCode()).isEqualTo(Status.Code.CANCELLED);
        assertThat(SigilGrpc.newBlockingStub(channel).verify(request(5)).getResultsCount()).isEqualTo(6);
    }
}
