package dev.sigil.service.http;

import dev.sigil.service.error.RequestException;
import dev.sigil.service.routing.Router;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.LongFunction;

/**
 * Admission on the headers: a verify or recover request reserves its work from its declared {@code Content-Length}
 * before its body is read ({@link Router#reserve}), so when the work held is already past the target it is answered
 * {@code overloaded} at once and its body is never read (the connection closes after the answer). A body sent
 * without a length reserves once it has arrived. The reservation is released when the request is decoded and
 * admitted exactly, or when it ends.
 */
final class Reservations {
    private static final String KEY = "sigil.reservation";

    private Reservations() {
    }

    /** The handler that reserves on the headers, before the body handler. */
    static Handler<RoutingContext> gate(LongFunction<Router.Reservation> reserve) {
        return ctx -> {
            long declared = declaredLength(ctx);
            if (declared > 0) {
                Router.Reservation r;
                try {
                    r = reserve.apply(declared);
                } catch (RequestException e) {
                    ctx.fail(e);
                    return;
                }
                ctx.put(KEY, r);
                ctx.addEndHandler(v -> r.close());
            }
            ctx.next();
        };
    }

    /** The request's reservation: the one made on its headers, or one made now on the body's size. */
    static Router.Reservation of(RoutingContext ctx, long bodyBytes, LongFunction<Router.Reservation> reserve) {
        Router.Reservation r = ctx.get(KEY);
        if (r != null) {
            return r;
        }
        Router.Reservation now = reserve.apply(bodyBytes);
        ctx.addEndHandler(v -> now.close());
        return now;
    }

    private static long declaredLength(RoutingContext ctx) {
        String v = ctx.request().getHeader("Content-Length");
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
