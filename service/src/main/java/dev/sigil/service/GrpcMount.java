package dev.sigil.service;

import dev.sigil.service.config.ServiceConfig;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.grpc.GrpcHealth;
import dev.sigil.service.grpc.GrpcStatuses;
import dev.sigil.service.grpc.SigilGrpcService;
import dev.sigil.service.http.ConnectionGuard;
import dev.sigil.service.http.PlaintextTokenGuard;
import dev.sigil.service.http.Readiness;
import dev.sigil.service.sign.SignService;
import dev.sigil.service.verify.VerifyService;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.grpc.reflection.ReflectionService;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;
import java.util.function.Supplier;

/**
 * Serves gRPC on the HTTP port: HTTP/2 requests whose content type is {@code application/grpc…} go to Vert.x's gRPC
 * server ({@code sigil.v1.Sigil}, {@code grpc.health.v1.Health}, server reflection), everything else to the JSON API.
 */
final class GrpcMount {
    /** Requests of one {@code VerifyStream} read and not yet answered, at most. */
    static final int STREAM_WINDOW = 8;
    /** How often a health {@code Watch} checks for a change. */
    static final long HEALTH_WATCH_INTERVAL_MILLIS = 1000;

    private GrpcMount() {
    }

    /**
     * The server's request handler: gRPC calls to the gRPC server (told to the connection guard as requests, and
     * refused with UNAUTHENTICATED when they carry a token in clear text where the JSON API refuses that too), the
     * rest to {@code http}.
     */
    static Handler<HttpServerRequest> dispatch(Vertx vertx, ServiceConfig config, SigilServer.Components c,
            ConnectionGuard guard, boolean refusePlaintextTokens, Handler<HttpServerRequest> http) {
        GrpcServer grpc = GrpcServer.server(vertx, new GrpcServerOptions()
                .setMaxMessageSize(config.server().maxBodyBytes()));
        grpc.addService(new SigilGrpcService(c.auth(), new VerifyService(c.registry(), c.router(), c.metrics()),
                new SignService(c.keys(), c.registry(), c.router(), c.metrics()),
                new dev.sigil.service.verify.RecoverService(c.registry(), c.router(), c.metrics()), c.worker(), c.metrics(),
                config.server().maxBatchItems(), STREAM_WINDOW).service());
        Readiness readiness = new Readiness(c.registry(), c.keys(), config.hsm().isPresent());
        // SERVING exactly when /health/ready answers 200: the same checks, run off the event loop
        Supplier<io.vertx.core.Future<Boolean>> ready = () -> vertx.executeBlocking(
                () -> Readiness.ready(readiness.checks()), false);
        grpc.addService(new GrpcHealth(vertx, ready, HEALTH_WATCH_INTERVAL_MILLIS).service());
        grpc.addService(ReflectionService.v1());
        return request -> {
            if (isGrpc(request)) {
                guard.requestStarted(request);
                request.response().endHandler(v -> guard.requestEnded(request));
                if (refusePlaintextTokens && !request.isSSL() && request.getHeader("authorization") != null) {
                    refuse(request, new RequestException(ErrorCode.UNAUTHENTICATED, PlaintextTokenGuard.MESSAGE));
                } else {
                    grpc.handle(request);
                }
            } else {
                http.handle(request);
            }
        };
    }

    /** Ends a call before the gRPC server sees it, with a trailers-only answer carrying the error's status. */
    private static void refuse(HttpServerRequest request, RequestException error) {
        request.response().putHeader("content-type", "application/grpc")
                .putHeader("grpc-status", Integer.toString(GrpcStatuses.status(error.code()).code))
                .putHeader("grpc-message", GrpcStatuses.percentEncode(GrpcStatuses.message(error)))
                .end();
    }

    static boolean isGrpc(HttpServerRequest request) {
        String type = request.getHeader("content-type");
        return request.version() == HttpVersion.HTTP_2 && type != null
                && type.regionMatches(true, 0, "application/grpc", 0, "application/grpc".length());
    }
}
