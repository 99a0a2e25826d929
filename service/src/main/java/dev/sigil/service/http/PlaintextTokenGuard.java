package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses every request that carries an {@code Authorization} header over a connection without TLS: installed only
 * when the server listens on plain HTTP on an address other than loopback and {@code server.allowPlaintextTokens} is
 * not set. The answer is 401 {@code unauthenticated} with a message saying why, so the operator sees at once that
 * the token was sent in clear text. Registered after the body is collected, so a client still sending sees it.
 */
public final class PlaintextTokenGuard implements Handler<RoutingContext> {
    public static final String MESSAGE = "bearer tokens are refused over plain HTTP on a non-loopback address:"
            + " use HTTPS (server.tls), or set server.allowPlaintextTokens: true";

    @Override
    public void handle(RoutingContext ctx) {
        if (!ctx.request().isSSL() && ctx.request().getHeader("Authorization") != null) {
            ctx.fail(new RequestException(ErrorCode.UNAUTHENTICATED, MESSAGE));
            return;
        }
        ctx.next();
    }
}
