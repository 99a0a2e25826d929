package dev.sigil.service.http;

import dev.sigil.service.error.RequestException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Consumer;

/**
 * Checks a route's authentication on the request headers alone, before anything of the body is read: a request
 * without a token, with an unknown one or with one lacking the role is answered 401 or 403 at once, and when its
 * body was not read its connection is closed after the answer ({@link EdgeHandler}), so an unauthenticated client
 * cannot make the server hold its body.
 */
public final class AuthGate implements Handler<RoutingContext> {
    private final Consumer<String> check;

    /** @param check given the {@code Authorization} header (or null); throws {@link RequestException} to refuse */
    public AuthGate(Consumer<String> check) {
        this.check = check;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            check.accept(ctx.request().getHeader("Authorization"));
        } catch (RequestException e) {
            ctx.fail(e);
            return;
        }
        ctx.next();
    }
}
