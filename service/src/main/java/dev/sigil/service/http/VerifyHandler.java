package dev.sigil.service.http;

import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.verify.VerifyService;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** {@code POST /v1/verify}: decode the body into batches, verify, encode the results; all off the event loop. */
public final class VerifyHandler implements Handler<RoutingContext> {
    private final Authenticator auth;
    private final VerifyRequestParser parser;
    private final VerifyService service;
    private final Worker worker;

    public VerifyHandler(Authenticator auth, VerifyRequestParser parser, VerifyService service, Worker worker) {
        this.auth = auth;
        this.parser = parser;
        this.service = service;
        this.worker = worker;
    }

    /** Reserves the request's work on its headers, before the body is read ({@link Reservations}). */
    public Handler<RoutingContext> admission() {
        return Reservations.gate(service::reserve);
    }

    @Override
    public void handle(RoutingContext ctx) {
        BatchRequests.handle(ctx, auth, worker, service::reserve, parser::parse, service::verify,
                VerifyResponseWriter::write);
    }
}
