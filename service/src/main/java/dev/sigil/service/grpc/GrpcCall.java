package dev.sigil.service.grpc;

import dev.sigil.service.error.RequestException;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.routing.Cancellation;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;

/**
 * One gRPC call as the service sees it: its {@link Cancellation} (cancelled when the client cancels or the call
 * ends), its end (an answer or a status, once), and its request meter ({@code transport="grpc"}). Used on the
 * call's event loop only.
 */
final class GrpcCall<Req, Resp> {
    private final Metrics metrics;
    private final String method;
    private final GrpcServerRequest<Req, Resp> request;
    private final long start = System.nanoTime();
    private final Cancellation cancellation = new Cancellation();
    private final java.util.List<Runnable> onEnd = new java.util.ArrayList<>();
    private boolean ended;

    GrpcCall(Metrics metrics, GrpcServerRequest<Req, Resp> request) {
        this.metrics = metrics;
        this.request = request;
        this.method = "/" + request.fullMethodName();
        request.errorHandler(error -> end(null));
        request.response().exceptionHandler(t -> end(null));
    }

    GrpcServerRequest<Req, Resp> request() {
        return request;
    }

    GrpcServerResponse<Req, Resp> response() {
        return request.response();
    }

    Cancellation cancellation() {
        return cancellation;
    }

    boolean ended() {
        return ended;
    }

    /** Runs when the call ends (answered, failed or cancelled by the client). */
    void onEnd(Runnable action) {
        onEnd.add(action);
    }

    /** The client's {@code authorization} metadata, or null. */
    String authorization() {
        return request.headers().get("authorization");
    }

    /** Answers a unary call. */
    void reply(Resp response) {
        if (!ended) {
            end(GrpcStatus.OK);
            request.response().end(response);
        }
    }

    /** Ends a streaming call with OK after its last message. */
    void finish() {
        if (!ended) {
            end(GrpcStatus.OK);
            request.response().end();
        }
    }

    /** Ends the call with the status of the failure (see {@link GrpcStatuses}). */
    void fail(Throwable failure) {
        if (ended) {
            return;
        }
        RequestException error = GrpcStatuses.toRequestException(failure, method);
        GrpcStatus status = GrpcStatuses.status(error.code());
        end(status);
        // grpc-message as the gRPC spec encodes it (Vert.x's own encoding escapes ':' and ',' too, which some
        // clients, grpc-js among them, do not decode); Vert.x keeps a grpc-message that is already set
        request.response().trailers().set("grpc-message", GrpcStatuses.percentEncode(GrpcStatuses.message(error)));
        GrpcStatuses.retryPushbackMillis(error).ifPresent(ms -> request.response().trailers()
                .set(GrpcStatuses.RETRY_PUSHBACK, Long.toString(ms)));
        request.response().status(status).end();
    }

    /** Records the call once; a null status means the client went away (cancelled). */
    private void end(GrpcStatus status) {
        if (ended) {
            return;
        }
        ended = true;
        cancellation.cancel();
        onEnd.forEach(Runnable::run);
        metrics.request("grpc", method, "POST", status == null ? GrpcStatus.CANCELLED.name() : status.name(),
                System.nanoTime() - start);
    }
}
