package dev.sigil.service.config;

import dev.sigil.service.auth.TokenConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole configuration, validated. See {@link ConfigLoader} for the fields and their defaults. */
public record ServiceConfig(Server server, Auth auth, Keys keys, Map<String, BackendConfig> backends,
        Optional<Map<String, Object>> hsm, RoutingConfig routing) {

    public static final long DEFAULT_MAX_BODY_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_BATCH_ITEMS = 100_000;
    public static final long DEFAULT_MAX_SIGN_BODY_BYTES = 4L * 1024 * 1024;
    public static final long DEFAULT_MAX_KEYS_BODY_BYTES = 16L * 1024;

    /** A quarter of the largest heap the JVM may grow to, at least 16 MiB. */
    public static long defaultMaxBodyBytesInFlight() {
        return Math.max(16L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 4);
    }

    public ServiceConfig {
        backends = Map.copyOf(backends);
        hsm = hsm.map(Map::copyOf);
    }

    /** The defaults: what {@code ./sigil serve} runs with when no file is given. */
    public static ServiceConfig defaults() {
        return ConfigLoader.parse(Map.of());
    }

    public ServiceConfig withServer(Server s) {
        return new ServiceConfig(s, auth, keys, backends, hsm, routing);
    }

    public ServiceConfig withRouting(RoutingConfig r) {
        return new ServiceConfig(server, auth, keys, backends, hsm, r);
    }

    public ServiceConfig withAuth(Auth a) {
        return new ServiceConfig(server, a, keys, backends, hsm, routing);
    }

    /** The settings of one backend (enabled, and what is passed to its provider). */
    public BackendConfig backend(String id) {
        return backends.getOrDefault(id, BackendConfig.DEFAULT);
    }

    /**
     * The HTTP server. {@code tls} absent: plain HTTP; {@code allowPlaintextTokens}: bearer tokens accepted over plain
     * HTTP on a non-loopback address (see {@code SigilServer}).
     */
    public record Server(String host, int port, long maxBodyBytes, int maxBatchItems, int workerThreads,
            int backendThreads, int queueCapacity, int shutdownGraceSeconds, Limits limits,
            boolean allowPlaintextTokens, Optional<TlsConfig> tls) {
        public Server withAddress(String newHost, int newPort) {
            return new Server(newHost, newPort, maxBodyBytes, maxBatchItems, workerThreads, backendThreads,
                    queueCapacity, shutdownGraceSeconds, limits, allowPlaintextTokens, tls);
        }

        public Server withLimits(Limits newLimits) {
            return new Server(host, port, maxBodyBytes, maxBatchItems, workerThreads, backendThreads,
                    queueCapacity, shutdownGraceSeconds, newLimits, allowPlaintextTokens, tls);
        }

        public Server withTls(Optional<TlsConfig> newTls, boolean newAllowPlaintextTokens) {
            return new Server(host, port, maxBodyBytes, maxBatchItems, workerThreads, backendThreads,
                    queueCapacity, shutdownGraceSeconds, limits, newAllowPlaintextTokens, newTls);
        }
    }

    /**
     * What one client may hold of the server before it is answered: body sizes per endpoint, the bytes of request
     * bodies held at once across all requests, how long headers, bodies and silence may take, and how many
     * connections may be open. Read from the {@code server} section (see {@link ConfigLoader}).
     */
    public record Limits(long maxSignBodyBytes, long maxKeysBodyBytes, long maxBodyBytesInFlight,
            long headerTimeoutMs, long bodyTimeoutMs, long idleTimeoutMs, int maxConnections,
            boolean allowHalfClosure) {
    }

    public record Auth(boolean verifyOpen, boolean opsOpen, List<TokenConfig> tokens) {
        public Auth {
            tokens = List.copyOf(tokens);
        }
    }

    public record Keys(Optional<SecretRef> passphrase, int pbkdf2Iterations) {
    }

    public record BackendConfig(boolean enabled, Map<String, Object> settings) {
        public static final BackendConfig DEFAULT = new BackendConfig(true, Map.of());

        public BackendConfig {
            settings = Map.copyOf(settings);
        }
    }
}
