package dev.sigil.service;

import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.config.ServiceConfig;
import dev.sigil.service.http.FailureHandler;
import dev.sigil.service.http.JsonBodyHandler;
import dev.sigil.service.http.KeysHandler;
import dev.sigil.service.http.KeysRoute;
import dev.sigil.service.http.OpsHandler;
import dev.sigil.service.http.OpsRoute;
import dev.sigil.service.http.Readiness;
import dev.sigil.service.http.RequestMetricsHandler;
import dev.sigil.service.http.SignHandler;
import dev.sigil.service.http.SignRoute;
import dev.sigil.service.http.VerifyHandler;
import dev.sigil.service.http.VerifyRequestParser;
import dev.sigil.service.http.VerifyRoute;
import dev.sigil.service.http.Worker;
import dev.sigil.service.keys.KeyService;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.sign.SignService;
import dev.sigil.service.verify.VerifyService;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** The running service: backends, key stores, auth, metrics and the HTTP server, started and stopped as one. */
public final class SigilServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SigilServer.class.getName());

    private final ServiceConfig config;
    private final Components components;
    private final Vertx vertx;
    private final HttpServer server;
    private volatile boolean stopped;

    private SigilServer(ServiceConfig config, Components components, Vertx vertx, HttpServer server) {
        this.config = config;
        this.components = components;
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts everything and listens; returns once the port is bound. */
    public static SigilServer start(ServiceConfig config, Path dataDir, Map<String, String> env,
            List<BackendProvider> providers) {
        Components c = Components.create(config, dataDir, env, providers);
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(2));
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                            .setHost(config.server().host()).setPort(config.server().port()))
                    .requestHandler(GrpcMount.dispatch(vertx, config, c,
                            FailureHandler.guardPaths(router(vertx, config, c))));
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new SigilServer(config, c, vertx, server);
        } catch (Exception e) {
            vertx.close();
            c.close();
            throw new IllegalStateException("cannot listen on " + config.server().host() + ":"
                    + config.server().port() + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static Router router(Vertx vertx, ServiceConfig config, Components c) {
        Router router = Router.router(vertx);
        FailureHandler failures = new FailureHandler();
        router.route().handler(new RequestMetricsHandler(c.metrics()));
        router.route().handler(new JsonBodyHandler(config.server().maxBodyBytes()));
        router.route().failureHandler(failures);
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        VerifyRequestParser parser = new VerifyRequestParser(config.server().maxBatchItems(),
                config.server().maxBodyBytes());
        VerifyRoute.register(router, new VerifyHandler(c.auth(), parser,
                new VerifyService(c.registry(), c.router(), c.metrics()), c.worker()));
        SignRoute.register(router, new SignHandler(c.auth(), new SignService(c.keys(), c.registry(), c.router(), c.metrics()),
                c.worker(), config.server().maxBatchItems()));
        KeysRoute.register(router, new KeysHandler(c.auth(), c.keys(), c.worker()));
        Readiness readiness = new Readiness(c.registry(), c.keys(), config.hsm().isPresent());
        OpsRoute.register(router, new OpsHandler(c.registry(), c.router(), readiness, c.metrics(), c.worker()));
        return router;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.actualPort();
    }

    public String host() {
        return config.server().host();
    }

    public BackendRegistry backends() {
        return components.registry();
    }

    /** Stops accepting, answers what was accepted (up to the grace period), then releases everything. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        int grace = config.server().shutdownGraceSeconds();
        try {
            server.shutdown(grace, TimeUnit.SECONDS).toCompletionStage().toCompletableFuture()
                    .get(grace + 5L, TimeUnit.SECONDS);
            components.worker().drain(grace, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warning("shutdown did not finish cleanly: " + e.getClass().getSimpleName());
        } finally {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warning("closing Vert.x failed: " + e.getClass().getSimpleName());
            }
            components.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Everything behind the routes. */
    record Components(Metrics metrics, BackendRegistry registry, dev.sigil.service.routing.Router router,
            KeyService keys, Authenticator auth, Worker worker)
            implements AutoCloseable {

        static Components create(ServiceConfig config, Path dataDir, Map<String, String> env,
                List<BackendProvider> providers) {
            Metrics metrics = new Metrics();
            BackendRegistry registry = BackendRegistry.start(config, dataDir, providers);
            dev.sigil.service.routing.Router router = null;
            try {
                router = dev.sigil.service.routing.Router.builder(List.copyOf(registry.all())).config(config.routing())
                        .meterRegistry(metrics.registry()).build();
                KeyService keys = KeyStores.open(config, dataDir, env, registry);
                Authenticator auth = new Authenticator(config.auth().verifyOpen(), config.auth().tokens(),
                        Optional.ofNullable(env.get("SIGIL_ADMIN_TOKEN")));
                Worker worker = new Worker(config.server().workerThreads(), config.server().queueCapacity());
                metrics.workerInFlight(worker::inFlight);
                return new Components(metrics, registry, router, keys, auth, worker);
            } catch (RuntimeException e) {
                if (router != null) {
                    router.close();
                }
                registry.close();
                throw e;
            }
        }

        @Override
        public void close() {
            worker.close();
            router.close();
            registry.close();
            metrics.close();
        }
    }
}
