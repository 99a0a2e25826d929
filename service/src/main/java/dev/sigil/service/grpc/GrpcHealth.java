package dev.sigil.service.grpc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import dev.sigil.grpc.health.v1.HealthCheckRequest;
import dev.sigil.grpc.health.v1.HealthCheckResponse;
import dev.sigil.grpc.health.v1.HealthCheckResponse.ServingStatus;
import dev.sigil.grpc.health.v1.HealthListRequest;
import dev.sigil.grpc.health.v1.HealthListResponse;
import dev.sigil.grpc.health.v1.HealthProto;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.Service;
import java.util.function.Supplier;

/**
 * {@code grpc.health.v1.Health}: the server ({@code ""}) and {@code sigil.v1.Sigil} are SERVING exactly when
 * {@code /health/ready} answers 200 (the same checks, asked at each call); the health service itself is always
 * SERVING; any other name is NOT_FOUND ({@code Check}) or SERVICE_UNKNOWN ({@code Watch}). {@code Watch} sends the
 * status, then each change, checked every {@code watchIntervalMillis}. Vert.x's own health service is not used: it
 * answers SERVING for {@code ""} whatever the checks say.
 */
public final class GrpcHealth {
    public static final ServiceName NAME = ServiceName.create("grpc.health.v1", "Health");
    private static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> CHECK = ServiceMethod.server(NAME,
            "Check", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckRequest.getDefaultInstance()));
    private static final ServiceMethod<HealthCheckRequest, HealthCheckResponse> WATCH = ServiceMethod.server(NAME,
            "Watch", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthCheckRequest.getDefaultInstance()));
    private static final ServiceMethod<HealthListRequest, HealthListResponse> LIST = ServiceMethod.server(NAME,
            "List", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(HealthListRequest.getDefaultInstance()));

    private final Vertx vertx;
    private final Supplier<Future<Boolean>> ready;
    private final long watchIntervalMillis;

    public GrpcHealth(Vertx vertx, Supplier<Future<Boolean>> ready, long watchIntervalMillis) {
        this.vertx = vertx;
        this.ready = ready;
        this.watchIntervalMillis = watchIntervalMillis;
    }

    public Service service() {
        return Service.service(NAME, HealthProto.getDescriptor().findServiceByName("Health"))
                .bind(CHECK, this::check)
                .bind(WATCH, this::watch)
                .bind(LIST, this::list)
                .build();
    }

    /** The status of a service name; null for a name this server does not serve. */
    private Future<ServingStatus> status(String service) {
        return switch (service) {
            case "", "sigil.v1.Sigil" -> ready.get().map(ok -> ok ? ServingStatus.SERVING : ServingStatus.NOT_SERVING)
                    .otherwise(ServingStatus.NOT_SERVING);
            case "grpc.health.v1.Health" -> Future.succeededFuture(ServingStatus.SERVING);
            default -> null;
        };
    }

    private static HealthCheckResponse response(ServingStatus s) {
        return HealthCheckResponse.newBuilder().setStatus(s).build();
    }

    private void check(GrpcServerRequest<HealthCheckRequest, HealthCheckResponse> request) {
        request.last().onSuccess(message -> {
            Future<ServingStatus> status = status(message.getService());
            if (status == null) {
                request.response().status(GrpcStatus.NOT_FOUND).statusMessage("unknown service").end();
                return;
            }
            status.onSuccess(s -> request.response().end(response(s)));
        });
    }

    private void watch(GrpcServerRequest<HealthCheckRequest, HealthCheckResponse> request) {
        request.last().onSuccess(message -> {
            if (status(message.getService()) == null) {
                request.response().write(response(ServingStatus.SERVICE_UNKNOWN));
                return;
            }
            ServingStatus[] last = {null};
            boolean[] closed = {false};
            long[] timer = {-1};
            Runnable poll = () -> status(message.getService()).onSuccess(s -> {
                if (!closed[0] && s != last[0]) {
                    last[0] = s;
                    request.response().write(response(s));
                }
            });
            request.errorHandler(e -> {
                closed[0] = true;
                vertx.cancelTimer(timer[0]);
            });
            request.response().exceptionHandler(e -> {
                closed[0] = true;
                vertx.cancelTimer(timer[0]);
            });
            poll.run();
            timer[0] = vertx.setPeriodic(watchIntervalMillis, id -> poll.run());
        });
    }

    private void list(GrpcServerRequest<HealthListRequest, HealthListResponse> request) {
        request.last().onSuccess(message -> status("").onSuccess(s -> request.response().end(
                HealthListResponse.newBuilder().putStatuses("", response(s)).putStatuses("sigil.v1.Sigil", response(s))
                        .putStatuses("grpc.health.v1.Health", response(ServingStatus.SERVING)).build())));
    }
}
