package dev.sigil.service.http;

import io.vertx.ext.web.Router;

/** Registers {@code POST /v1/verify}. */
public final class VerifyRoute {
    public static final String PATH = "/v1/verify";

    private VerifyRoute() {
    }

    public static void register(Router router, VerifyHandler handler) {
        router.post(PATH).handler(handler);
    }
}
