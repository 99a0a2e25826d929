package dev.sigil.service.backend;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.BackendSetting;
import dev.sigil.crypto.spi.Recoverer;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.service.config.ConfigException;
import dev.sigil.service.config.ServiceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.logging.Logger;

/** The backends this process started, and the ones that were found but could not be started. */
public final class BackendRegistry implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BackendRegistry.class.getName());
    public static final String CPU = "cpu";
    public static final String HSM = "hsm";

    /** A backend that was enabled and available but failed to start. */
    public record Failure(String backendId, String message) {
    }

    private final Map<String, Backend> backends;
    private final List<Failure> failures;

    public BackendRegistry(Map<String, Backend> backends, List<Failure> failures) {
        this.backends = new LinkedHashMap<>(backends);
        this.failures = List.copyOf(failures);
    }

    /** Starts every enabled, available backend of the providers, the CPU backend first. */
    public static BackendRegistry start(ServiceConfig config, Path dataDir, List<BackendProvider> providers) {
        checkConfiguredIds(config, providers);
        List<BackendProvider> ordered = new ArrayList<>(providers);
        ordered.sort((a, b) -> Boolean.compare(!a.id().equals(CPU), !b.id().equals(CPU)));
        Map<String, Backend> started = new LinkedHashMap<>();
        List<Failure> failed = new ArrayList<>();
        for (BackendProvider provider : ordered) {
            String id = provider.id();
            if (started.containsKey(id)) {
                LOG.warning("backend " + id + ": a second provider with this id is ignored");
                continue;
            }
            startOne(config, dataDir, provider, failed).ifPresent(b -> started.put(id, b));
        }
        return new BackendRegistry(started, failed);
    }

    private static Optional<Backend> startOne(ServiceConfig config, Path dataDir, BackendProvider provider,
            List<Failure> failed) {
        String id = provider.id();
        ServiceConfig.BackendConfig bc = config.backend(id);
        if (!bc.enabled()) {
            LOG.info("backend " + id + ": disabled by configuration");
            return Optional.empty();
        }
        if (id.equals(HSM) && config.hsm().isEmpty()) {
            LOG.info("backend hsm: not configured (no hsm section)");
            return Optional.empty();
        }
        Map<String, Object> settings = id.equals(HSM) ? config.hsm().orElseThrow() : bc.settings();
        BackendContext context = new BackendContext(settings, dataDir, config.server().backendThreads());
        try {
            if (!provider.isAvailable(context)) {
                boolean configured = id.equals(HSM) || config.backends().containsKey(id);
                LOG.log(configured ? java.util.logging.Level.WARNING : java.util.logging.Level.INFO,
                        "backend " + id + ": not available on this machine or not configured");
                if (configured) {
                    failed.add(new Failure(id, "configured but not available (library, device or module missing)"));
                }
                return Optional.empty();
            }
            Backend backend = provider.create(context);
            LOG.info("backend " + id + ": " + backend.kind().wireName() + ", " + backend.device() + ", verify "
                    + schemes(backend, Operation.VERIFY) + ", sign " + schemes(backend, Operation.SIGN));
            return Optional.of(backend);
        } catch (RuntimeException | LinkageError e) {
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warning("backend " + id + ": failed to start, going on without it (" + message + ")");
            failed.add(new Failure(id, message));
            return Optional.empty();
        }
    }

    private static void checkConfiguredIds(ServiceConfig config, List<BackendProvider> providers) {
        Set<String> known = new TreeSet<>();
        providers.forEach(p -> known.add(p.id()));
        for (String id : config.backends().keySet()) {
            if (!known.contains(id)) {
                throw new ConfigException("backends." + id + ": no backend with this id (known: "
                        + String.join(", ", known) + ")");
            }
        }
        providers.forEach(p -> checkSettings(p, config.backend(p.id()).settings()));
        if (config.hsm().isPresent() && !known.contains(HSM)) {
            throw new ConfigException("hsm: the HSM backend is not on the class path");
        }
    }

    /** Every setting in {@code backends.<id>} must be one the provider declares, with a value it accepts. */
    private static void checkSettings(BackendProvider provider, Map<String, Object> settings) {
        Map<String, BackendSetting> declared = new TreeMap<>();
        provider.settings().forEach(d -> declared.put(d.name(), d));
        settings.forEach((name, value) -> {
            String field = "backends." + provider.id() + "." + name;
            BackendSetting d = declared.get(name);
            if (d == null) {
                throw new ConfigException(field + ": unknown field (known: " + String.join(", ",
                        Stream.concat(Stream.of("enabled"), declared.keySet().stream()).toList()) + ")");
            }
            if (!d.accepts().test(value)) {
                throw new ConfigException(field + ": must be " + d.type());
            }
        });
    }

    public Optional<Backend> get(String id) {
        return Optional.ofNullable(backends.get(id));
    }

    public Collection<Backend> all() {
        return backends.values();
    }

    public List<Failure> failures() {
        return failures;
    }

    /** True when some backend verifies the scheme. */
    public boolean canVerify(Scheme scheme) {
        return backends.values().stream().anyMatch(b -> schemes(b, Operation.VERIFY).contains(scheme));
    }

    /** The schemes the backend offers the operation for (none when it lacks the capability). */
    public static Set<Scheme> schemes(Backend backend, Operation op) {
        return switch (op) {
            case VERIFY -> backend.verifier().map(Verifier::verifiableSchemes).orElse(Set.of());
            case SIGN -> backend.signer().map(Signer::signableSchemes).orElse(Set.of());
            case RECOVER -> backend.recoverer().map(Recoverer::recoverableSchemes).orElse(Set.of());
        };
    }

    @Override
    public void close() {
        for (Backend b : backends.values()) {
            try {
                b.close();
            } catch (RuntimeException e) {
                LOG.warning("backend " + b.id() + ": close failed: " + e.getClass().getSimpleName());
            }
        }
    }
}
