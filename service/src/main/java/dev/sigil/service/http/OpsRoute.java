package dev.sigil.service.http;

import io.vertx.ext.web.Router;

/** Registers the operations endpoints. */
public final class OpsRoute {
    private OpsRoute() {
    }

    /** @param gate checks {@code /v1/backends} and {@code /metrics} ({@code auth.opsOpen}); health stays open */
    public static void register(Router router, AuthGate gate, OpsHandler handler) {
        router.get("/v1/backends").handler(gate).handler(handler::backends);
        router.get("/health/live").handler(handler::live);
        router.get("/health/ready").handler(handler::ready);
        router.get("/metrics").handler(gate).handler(handler::metrics);
        router.get("/v1/openapi.json").handler(handler::openapi);
    }
}
