package dev.sigil.service.http;

import dev.sigil.service.ops.Metrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Times every request and counts it by endpoint (the route template, not the raw path), method and status. */
public final class RequestMetricsHandler implements Handler<RoutingContext> {
    private final Metrics metrics;

    public RequestMetricsHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        String endpoint = endpoint(ctx.request().path());
        String method = ctx.request().method().name();
        ctx.addEndHandler(v -> metrics.request(endpoint, method, ctx.response().getStatusCode(),
                System.nanoTime() - start));
        ctx.next();
    }

    static String endpoint(String path) {
        if (path == null) {
            return "other";
        }
        return switch (path) {
            case "/v1/verify", "/v1/recover", "/v1/sign", "/v1/keys", "/v1/backends", "/health/live", "/health/ready", "/metrics" ->
                    path;
            default -> path.startsWith("/v1/keys/") ? "/v1/keys/{keyId}" : "other";
        };
    }
}
