package dev.sigil.service.http;

import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.verify.RecoverService;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /v1/recover}: decode the body into one recovery batch, recover, encode keys and addresses; all off the
 * event loop. Authorised as verify is ({@code auth.verifyOpen}, role {@code verify}).
 */
public final class RecoverHandler implements Handler<RoutingContext> {
    private final Authenticator auth;
    private final VerifyRequestParser parser;
    private final RecoverService service;
    private final Worker worker;

    public RecoverHandler(Authenticator auth, VerifyRequestParser parser, RecoverService service, Worker worker) {
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
        BatchRequests.handle(ctx, auth, worker, service::reserve, parser::parseRecover, service::recover,
                RecoverResponseWriter::write);
    }
}
