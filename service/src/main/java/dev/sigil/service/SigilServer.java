package dev.sigil.service;

import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.auth.Role;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.config.ServiceConfig;
import dev.sigil.service.http.AuthGate;
import dev.sigil.service.http.BodyBudget;
import dev.sigil.service.http.ConnectionGuard;
import dev.sigil.service.http.EdgeHandler;
import dev.sigil.service.http.FailureHandler;
import dev.sigil.service.http.GuardedTransport;
import dev.sigil.service.http.JsonBodyHandler;
import dev.sigil.service.http.KeysHandler;
import dev.sigil.service.http.KeysRoute;
import dev.sigil.service.http.OpsHandler;
import dev.sigil.service.http.OpsRoute;
import dev.sigil.service.http.PlaintextTokenGuard;
import dev.sigil.service.http.Readiness;
import dev.sigil.service.http.RecoverHandler;
import dev.sigil.service.http.RecoverRoute;
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
import dev.sigil.service.tls.TlsSetup;
import dev.sigil.service.verify.RecoverService;
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
    private final TlsSetup tls;
    private volatile boolean stopped;

    private SigilServer(ServiceConfig config, Components components, Vertx vertx, HttpServer server, TlsSetup tls) {
        this.config = config;
        this.components = components;
        this.vertx = vertx;
        this.server = server;
        this.tls = tls;
    }

    /** Starts everything and listens; returns once the port is bound. */
    public static SigilServer start(ServiceConfig config, Path dataDir, Map<String, String> env,
            List<BackendProvider> providers) {
        TlsSetup tls = TlsSetup.prepare(config.server(), env);
        Components c = Components.create(config, dataDir, env, providers);
        ServiceConfig.Limits limits = config.server().limits();
        ConnectionGuard guard = new ConnectionGuard(limits.maxConnections(), limits.headerTimeoutMs());
        Vertx vertx = Vertx.builder().with(new VertxOptions().setWorkerPoolSize(2))
                .withTransport(new GuardedTransport(guard, limits.allowHalfClosure())).build();
        try {
            EdgeHandler edge = new EdgeHandler(guard);
            HttpServerOptions options = serverOptions(config);
            tls.configure(options);
            HttpServer server = vertx.createHttpServer(options)
                    .invalidRequestHandler(FailureHandler::invalidRequest)
                    .requestHandler(GrpcMount.dispatch(vertx, config, c, guard, tls.refusesPlaintextTokens(),
                            edge.around(router(vertx, config, c, edge, tls.refusesPlaintextTokens()))));
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            tls.startReloading(vertx, server);
            return new SigilServer(config, c, vertx, server, tls);
        } catch (Exception e) {
            tls.close();
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

    /**
     * The HTTP server's options: address, and the timeouts Vert.x offers itself (idle connections). HTTP/2 over
     * cleartext (h2c, by upgrade or prior knowledge) is on, as is Vert.x's default. The header timeout and the
     * connection cap are the {@link ConnectionGuard}'s, the body timeout the {@link JsonBodyHandler}'s.
     */
    static HttpServerOptions serverOptions(ServiceConfig config) {
        return limitOptions(new HttpServerOptions()
                .setHost(config.server().host()).setPort(config.server().port()), config.server().limits());
    }

    /** The edge limits Vert.x applies itself. */
    private static HttpServerOptions limitOptions(HttpServerOptions options, ServiceConfig.Limits limits) {
        return options.setHttp2ClearTextEnabled(true)
                .setIdleTimeout((int) Math.min(Integer.MAX_VALUE, limits.idleTimeoutMs()))
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    }

    private static Router router(Vertx vertx, ServiceConfig config, Components c, EdgeHandler edge,
            boolean refusePlaintextTokens) {
        Router router = Router.router(vertx);
        FailureHandler failures = new FailureHandler();
        router.route().handler(edge);
        router.route().handler(new RequestMetricsHandler(c.metrics()));
        if (refusePlaintextTokens) {
            router.route().handler(new PlaintextTokenGuard());
        }
        router.route().failureHandler(failures);
        for (int status : FailureHandler.ROUTER_STATUSES) {
            router.errorHandler(status, failures);
        }
        ServiceConfig.Server s = config.server();
        ServiceConfig.Limits limits = s.limits();
        BodyBudget budget = new BodyBudget(limits.maxBodyBytesInFlight());
        Authenticator auth = c.auth();
        VerifyRequestParser parser = new VerifyRequestParser(s.maxBatchItems(), s.maxBodyBytes());
        VerifyRoute.register(router, new AuthGate(auth::requireVerify),
                new JsonBodyHandler(s.maxBodyBytes(), budget, limits.bodyTimeoutMs()),
                new VerifyHandler(auth, parser, new VerifyService(c.registry(), c.router(), c.metrics()), c.worker()));
        RecoverRoute.register(router, new AuthGate(auth::requireVerify),
                new JsonBodyHandler(s.maxBodyBytes(), budget, limits.bodyTimeoutMs()),
                new RecoverHandler(auth, parser, new RecoverService(c.registry(), c.router(), c.metrics()), c.worker()));
        SignRoute.register(router, new AuthGate(h -> auth.require(h, Role.SIGN)),
                new JsonBodyHandler(limits.maxSignBodyBytes(), budget, limits.bodyTimeoutMs()),
                new SignHandler(auth, new SignService(c.keys(), c.registry(), c.router(), c.metrics()), c.worker(),
                        s.maxBatchItems()));
        KeysRoute.register(router, new AuthGate(h -> auth.requireAny(h, Role.SIGN, Role.ADMIN)),
                new AuthGate(h -> auth.require(h, Role.ADMIN)),
                new JsonBodyHandler(limits.maxKeysBodyBytes(), budget, limits.bodyTimeoutMs()),
                new KeysHandler(auth, c.keys(), c.worker()));
        Readiness readiness = new Readiness(c.registry(), c.keys(), config.hsm().isPresent());
        OpsRoute.register(router, new AuthGate(auth::requireOps),
                new OpsHandler(c.registry(), c.router(), readiness, c.metrics(), c.worker()));
        return router;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.actualPort();
    }

    public String host() {
        return config.server().host();
    }

    /** True when the server speaks HTTPS only. */
    public boolean tls() {
        return tls.enabled();
    }

    /**
     * Reads the TLS files again (as SIGHUP does): new connections get the new certificate, open ones keep theirs.
     *
     * @return true when the new files were taken; false when they cannot be used (logged), the old ones stay
     */
    public boolean reloadTls() {
        return tls.reload();
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
        tls.close();
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

        /** The measured costs in the data directory ({@code sigil gpu-check}); a broken file is reported and ignored. */
        private static dev.sigil.service.routing.CostPriors costPriors(Path dataDir) {
            try {
                return dev.sigil.service.routing.CostPriors.read(dataDir);
            } catch (IllegalArgumentException e) {
                java.util.logging.Logger.getLogger(SigilServer.class.getName()).warning(
                        e.getMessage() + "; calibrating instead");
                return dev.sigil.service.routing.CostPriors.none();
            }
        }

        static Components create(ServiceConfig config, Path dataDir, Map<String, String> env,
                List<BackendProvider> providers) {
            Metrics metrics = new Metrics();
            BackendRegistry registry = BackendRegistry.start(config, dataDir, providers);
            dev.sigil.service.routing.Router router = null;
            try {
                router = dev.sigil.service.routing.Router.builder(List.copyOf(registry.all())).config(config.routing())
                        .meterRegistry(metrics.registry()).priors(costPriors(dataDir)).build();
                KeyService keys = KeyStores.open(config, dataDir, env, registry);
                Authenticator auth = new Authenticator(config.auth().verifyOpen(), config.auth().opsOpen(),
                        config.auth().tokens(),
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
