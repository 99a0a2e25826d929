package dev.sigil.service.http;

import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.routing.Cancellation;
import dev.sigil.service.routing.Router;
import dev.sigil.service.verify.VerifyRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What {@code POST /v1/verify} and {@code POST /v1/recover} share: the token checked, the work reserved on the headers
 * ({@link Reservations}) and held until the request is decoded and admitted exactly, decoding and encoding on the
 * worker's CPU slots, the batch run off the event loop.
 */
final class BatchRequests {
    private BatchRequests() {
    }

    /** Decodes a request body. */
    @FunctionalInterface
    interface Decode {
        VerifyRequest decode(byte[] body) throws Exception;
    }

    /** Runs a decoded request, admitted in place of its reservation. */
    @FunctionalInterface
    interface Run<R> {
        R run(VerifyRequest request, Cancellation cancellation, Router.Reservation reserved) throws Exception;
    }

    static <R> void handle(RoutingContext ctx, Authenticator auth, Worker worker,
            LongFunction<Router.Reservation> reserve, Decode decode, Run<R> run, Function<R, Buffer> encode) {
        auth.requireVerify(ctx.request().getHeader("Authorization"));
        Buffer body = JsonBodies.buffer(ctx);
        // made on the headers (refused there when the work held is past the target); held until decoded
        Router.Reservation reserved = Reservations.of(ctx, body.length(), reserve);
        worker.respond(ctx, cancellation -> {
            try (reserved) {
                VerifyRequest request = worker.cpu(() -> decode.decode(body.getBytes()));
                R result = run.run(request, cancellation, reserved);
                return new Reply(200, worker.cpu(() -> encode.apply(result)));
            }
        });
    }
}
