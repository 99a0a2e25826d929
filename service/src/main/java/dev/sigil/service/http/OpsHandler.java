package dev.sigil.service.http;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.routing.Router;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /v1/backends}, {@code /health/live}, {@code /health/ready}, {@code /metrics}, {@code /v1/openapi.json}. */
public final class OpsHandler {
    private final BackendRegistry registry;
    private final Router router;
    private final Readiness readiness;
    private final Metrics metrics;
    private final Worker worker;

    public OpsHandler(BackendRegistry registry, Router router, Readiness readiness, Metrics metrics,
            Worker worker) {
        this.registry = registry;
        this.router = router;
        this.readiness = readiness;
        this.metrics = metrics;
        this.worker = worker;
    }

    public void backends(RoutingContext ctx) {
        worker.respond(ctx, () -> {
            Map<String, Router.BackendSnapshot> snapshots = new HashMap<>();
            router.snapshot().forEach(snap -> snapshots.put(snap.id(), snap));
            JsonArray list = new JsonArray();
            registry.all().forEach(b -> list.add(describe(b, snapshots.get(b.id()))));
            return Reply.ok(new JsonObject().put("backends", list));
        });
    }

    /**
     * One backend: the contract's fields ({@code kind} is what its device reports: an OpenCL CPU device is
     * {@code cpu}; {@code healthy} is false while the router keeps it out of rotation; {@code queueDepth} and
     * {@code throughput} are the router's), plus {@code fixedLatencyMs} per scheme and {@code sharesHardwareWith},
     * the ids of the backends the router treats as sharing its hardware (never split across).
     */
    private JsonObject describe(Backend b, Router.BackendSnapshot snap) {
        Set<Scheme> schemes = EnumSet.noneOf(Scheme.class);
        JsonArray operations = new JsonArray();
        for (Operation op : Operation.values()) {
            Set<Scheme> s = BackendRegistry.schemes(b, op);
            if (!s.isEmpty()) {
                operations.add(op.wireName());
                schemes.addAll(s);
            }
        }
        JsonObject throughput = new JsonObject();
        JsonObject fixedLatency = new JsonObject();
        for (Map.Entry<Scheme, Router.Estimate> e : snap.verify().entrySet()) {
            throughput.put(e.getKey().wireName(), Math.round(e.getValue().itemsPerSecond()));
            fixedLatency.put(e.getKey().wireName(), Math.round(e.getValue().fixedMillis() * 1000) / 1000.0);
        }
        boolean healthy;
        try {
            healthy = snap.inRotation() && b.isHealthy();
        } catch (RuntimeException e) {
            healthy = false;
        }
        return new JsonObject().put("id", b.id()).put("kind", b.kind().wireName()).put("device", b.device())
                .put("schemes", new JsonArray(schemes.stream().map(Scheme::wireName).toList()))
                .put("operations", operations).put("healthy", healthy)
                .put("queueDepth", snap.queuedItems()).put("throughput", throughput)
                .put("fixedLatencyMs", fixedLatency)
                .put("sharesHardwareWith", new JsonArray(snap.sharesHardwareWith().stream().sorted().toList()));
    }

    /** The OpenAPI 3.1 document of the JSON API, as shipped in this package. */
    public void openapi(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(io.vertx.core.buffer.Buffer.buffer(OPENAPI));
    }

    /** The document, read once; a build without it does not start. */
    static final byte[] OPENAPI = openapiDocument();

    private static byte[] openapiDocument() {
        try (java.io.InputStream in = OpsHandler.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the service jar");
            }
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public void live(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("status", "live")
                .encode());
    }

    public void ready(RoutingContext ctx) {
        worker.respond(ctx, () -> {
            List<Readiness.Check> checks = readiness.checks();
            boolean ready = Readiness.ready(checks);
            JsonArray list = new JsonArray();
            checks.forEach(c -> list.add(new JsonObject().put("name", c.name()).put("ok", c.ok())
                    .put("required", c.required()).put("detail", c.detail())));
            return Reply.of(ready ? 200 : 503, new JsonObject().put("status", ready ? "ready" : "not-ready")
                    .put("checks", list));
        });
    }

    public void metrics(RoutingContext ctx) {
        ctx.vertx().executeBlocking(metrics::scrape, false).onComplete(r -> {
            if (r.failed()) {
                ctx.fail(r.cause());
                return;
            }
            ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(r.result());
        });
    }
}
