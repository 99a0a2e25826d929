package dev.sigil.service.grpc;

import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import dev.sigil.service.http.Worker;
import dev.sigil.service.routing.Cancellation;
import java.util.ArrayDeque;

/**
 * One {@code VerifyStream} call: every request is verified (up to {@code window} at once, on the worker) and answered
 * in request order. The request stream is read only while fewer than {@code window} requests are unanswered and the
 * client takes the answers (the response's write queue is not full), so a client that sends without reading stalls
 * on HTTP/2 flow control instead of filling the server's memory. A whole-request error in one request ends the call
 * with that error's status, after the answers to the requests before it. Used on the call's event loop only.
 */
final class VerifyStreamCall {
    /** Verifies one request of the stream. */
    @FunctionalInterface
    interface Verifier {
        VerifyResponse verify(VerifyRequest request, Cancellation cancellation) throws Exception;
    }

    /** A request read from the stream and its answer or failure, once known. */
    private static final class Slot {
        /** This request's own: a failing request does not cancel the others; the call's end cancels them all. */
        final Cancellation cancellation = new Cancellation();
        VerifyResponse response;
        Throwable failure;

        boolean done() {
            return response != null || failure != null;
        }
    }

    private final GrpcCall<VerifyRequest, VerifyResponse> call;
    private final Worker worker;
    private final Verifier verifier;
    private final int window;
    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    private boolean requestsEnded;

    VerifyStreamCall(GrpcCall<VerifyRequest, VerifyResponse> call, Worker worker, Verifier verifier, int window) {
        this.call = call;
        this.worker = worker;
        this.verifier = verifier;
        this.window = window;
    }

    void start() {
        var request = call.request();
        request.invalidMessageHandler(call::fail);
        request.exceptionHandler(call::fail);
        request.handler(this::received);
        request.endHandler(v -> {
            requestsEnded = true;
            flush();
        });
        call.response().drainHandler(v -> flush());
        call.onEnd(() -> pending.forEach(slot -> slot.cancellation.cancel()));
        request.fetch(window);
    }

    private void received(VerifyRequest message) {
        if (call.ended()) {
            return;
        }
        Slot slot = new Slot();
        pending.add(slot);
        worker.submit(slot.cancellation, c -> verifier.verify(message, c), response -> {
            slot.response = response;
            flush();
        }, failure -> {
            slot.failure = failure;
            flush();
        });
    }

    /** Writes the answers that are ready, in order, while the client takes them; reads one request per answer. */
    private void flush() {
        while (!call.ended() && !pending.isEmpty() && pending.peek().done()
                && !call.response().writeQueueFull()) {
            Slot head = pending.poll();
            if (head.failure != null) {
                call.fail(head.failure);
                return;
            }
            call.response().write(head.response);
            call.request().fetch(1);
        }
        if (!call.ended() && pending.isEmpty() && requestsEnded) {
            call.finish();
        }
    }
}
