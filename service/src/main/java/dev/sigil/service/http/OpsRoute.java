package dev.sigil.service.http;

import io.vertx.ext.web.Router;

/** Registers the operations endpoints. */
public final class OpsRoute {
    private OpsRoute() {
    }

    public static void register(Router router, OpsHandler handler) {
        router.get("/v1/backends").handler(handler::backends);
        router.get("/health/live").handler(handler::live);
        router.get("/health/ready").handler(handler::ready);
        router.get("/metrics").handler(handler::metrics);
        router.get("/v1/openapi.json").handler(handler::openapi);
    }
}
