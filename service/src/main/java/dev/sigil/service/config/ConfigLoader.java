package dev.sigil.service.config;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.MalformedInputException;
import dev.sigil.service.auth.Role;
import dev.sigil.service.auth.TokenConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the YAML configuration strictly: unknown fields and bad values stop the start with a message naming the
 * field. Sections: {@code server}, {@code auth}, {@code keys}, {@code backends}, {@code hsm}, {@code routing}
 * (see {@link RoutingConfig#fromSettings}).
 */
public final class ConfigLoader {
    private static final Set<String> SECTIONS = Set.of("server", "auth", "keys", "backends", "hsm", "routing");

    private ConfigLoader() {
    }

    public static ServiceConfig load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            Object root = new Yaml(new SafeConstructor(options)).load(reader);
            return parse(root == null ? Map.of() : root);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (YAMLException e) {
            throw new ConfigException(file + ": not valid YAML: " + e.getMessage(), e);
        }
    }

    /** Validates an already parsed YAML tree. */
    public static ServiceConfig parse(Object root) {
        Section top = Section.of("", root);
        for (String name : top.names()) {
            if (!SECTIONS.contains(name)) {
                throw new ConfigException(name + ": unknown field (sections: server, auth, keys, backends, hsm, routing)");
            }
        }
        ServiceConfig.Server server = server(top.section("server"));
        ServiceConfig.Auth auth = auth(top.section("auth"));
        ServiceConfig.Keys keys = keys(top.section("keys"));
        Map<String, ServiceConfig.BackendConfig> backends = backends(top.section("backends"));
        Optional<Map<String, Object>> hsm = top.has("hsm") ? Optional.of(top.section("hsm").rest()) : Optional.empty();
        RoutingConfig routing = routing(top.section("routing"));
        top.finish();
        return new ServiceConfig(server, auth, keys, backends, hsm, routing);
    }

    private static ServiceConfig.Server server(Section s) {
        int cores = Runtime.getRuntime().availableProcessors();
        ServiceConfig.Server out = new ServiceConfig.Server(
                s.string("host", "127.0.0.1"),
                s.integer("port", 8080, 0, 65535),
                s.number("maxBodyBytes", ServiceConfig.DEFAULT_MAX_BODY_BYTES, 1024, Integer.MAX_VALUE),
                s.integer("maxBatchItems", ServiceConfig.DEFAULT_MAX_BATCH_ITEMS, 1, 100_000),
                s.integer("workerThreads", Math.max(4, 2 * cores), 1, 1024),
                s.integer("backendThreads", cores, 1, 1024),
                s.integer("queueCapacity", 256, 1, 1_000_000),
                s.integer("shutdownGraceSeconds", 30, 0, 3600),
                limits(s),
                s.bool("allowPlaintextTokens", false),
                tls(s));
        if (out.host().isBlank()) {
            throw new ConfigException(s.field("host") + ": must not be empty");
        }
        s.finish();
        return out;
    }

    /** The edge limits, read from the {@code server} section (see {@link ServiceConfig.Limits}). */
    private static ServiceConfig.Limits limits(Section s) {
        return new ServiceConfig.Limits(
                s.number("maxSignBodyBytes", ServiceConfig.DEFAULT_MAX_SIGN_BODY_BYTES, 1024, Integer.MAX_VALUE),
                s.number("maxKeysBodyBytes", ServiceConfig.DEFAULT_MAX_KEYS_BODY_BYTES, 1024, Integer.MAX_VALUE),
                s.number("maxBodyBytesInFlight", ServiceConfig.defaultMaxBodyBytesInFlight(), 1024, Long.MAX_VALUE),
                s.number("headerTimeoutMs", 10_000, 100, 3_600_000),
                s.number("bodyTimeoutMs", 60_000, 100, 3_600_000),
                s.number("idleTimeoutMs", 60_000, 0, 3_600_000),
                s.integer("maxConnections", 1024, 1, 1_000_000),
                s.bool("allowHalfClosure", true));
    }

    private static Optional<TlsConfig> tls(Section server) {
        Object node = server.raw("tls");
        return node == null ? Optional.empty() : Optional.of(TlsConfig.parse(Section.of(server.field("tls"), node)));
    }

    private static ServiceConfig.Auth auth(Section s) {
        boolean verifyOpen = s.bool("verifyOpen", true);
        boolean opsOpen = s.bool("opsOpen", true);
        List<TokenConfig> tokens = s.sections("tokens").stream().map(ConfigLoader::token).toList();
        s.finish();
        return new ServiceConfig.Auth(verifyOpen, opsOpen, tokens);
    }

    private static TokenConfig token(Section t) {
        String name = t.string("name", null);
        if (name == null || name.isBlank()) {
            throw new ConfigException(t.field("name") + ": is required");
        }
        String hash = t.string("sha256", null);
        byte[] sha;
        try {
            sha = hash == null ? new byte[0] : Hex.decode(t.field("sha256"), hash);
        } catch (MalformedInputException e) {
            sha = new byte[0];
        }
        if (sha.length != 32) {
            throw new ConfigException(t.field("sha256") + ": is required, the 64 hex digits of SHA-256(token)");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : t.strings("roles")) {
            roles.add(Role.fromWire(r).orElseThrow(() -> new ConfigException(
                    t.field("roles") + ": unknown role " + r + " (roles: verify, sign, admin)")));
        }
        if (roles.isEmpty()) {
            throw new ConfigException(t.field("roles") + ": at least one role is required");
        }
        List<String> keys = t.strings("keys");
        for (String pattern : keys) {
            if (!pattern.matches("[A-Za-z0-9._*?-]{1,64}")) {
                throw new ConfigException(t.field("keys") + ": bad key-id pattern " + pattern);
            }
        }
        t.finish();
        return new TokenConfig(name, sha, roles, keys);
    }

    private static ServiceConfig.Keys keys(Section s) {
        String ref = s.string("passphrase", null);
        Optional<SecretRef> passphrase = ref == null ? Optional.empty()
                : Optional.of(SecretRef.parse(s.field("passphrase"), ref));
        int iterations = s.integer("pbkdf2Iterations", 310_000, 10_000, 10_000_000);
        s.finish();
        return new ServiceConfig.Keys(passphrase, iterations);
    }

    private static RoutingConfig routing(Section s) {
        try {
            return RoutingConfig.fromSettings(s.rest());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Map<String, ServiceConfig.BackendConfig> backends(Section s) {
        Map<String, ServiceConfig.BackendConfig> out = new LinkedHashMap<>();
        for (String id : Set.copyOf(s.names())) {
            Section b = s.section(id);
            boolean enabled = b.bool("enabled", true);
            out.put(id, new ServiceConfig.BackendConfig(enabled, b.rest()));
        }
        s.finish();
        return out;
    }
}
