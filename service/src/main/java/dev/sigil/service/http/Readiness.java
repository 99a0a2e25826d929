package dev.sigil.service.http;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.keys.KeyService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks behind {@code /health/ready}: a healthy backend that verifies, and every configured key store loaded
 * (required); each running or failed backend (informational).
 */
public final class Readiness {
    /** One check; the service is ready when every required check is ok. */
    public record Check(String name, boolean ok, boolean required, String detail) {
    }

    private final BackendRegistry registry;
    private final KeyService keys;
    private final boolean hsmConfigured;

    public Readiness(BackendRegistry registry, KeyService keys, boolean hsmConfigured) {
        this.registry = registry;
        this.keys = keys;
        this.hsmConfigured = hsmConfigured;
    }

    public List<Check> checks() {
        List<Check> out = new ArrayList<>();
        List<String> verifiers = new ArrayList<>();
        Map<String, Optional<String>> problems = new HashMap<>();
        for (Backend b : registry.all()) {
            Optional<String> problem = problem(b);
            problems.put(b.id(), problem);
            boolean healthy = problem.isEmpty();
            if (healthy && !BackendRegistry.schemes(b, Operation.VERIFY).isEmpty()) {
                verifiers.add(b.id());
            }
            out.add(new Check("backend:" + b.id(), healthy, false, problem.orElse(b.device())));
        }
        registry.failures().forEach(f -> out.add(new Check("backend:" + f.backendId(), false, false,
                "failed to start: " + f.message())));
        out.add(0, new Check("verify", !verifiers.isEmpty(), true,
                verifiers.isEmpty() ? "no healthy backend verifies" : "verifying on " + String.join(", ", verifiers)));
        String softwareProblem = keys.softwareProblem();
        out.add(new Check("keystore:software", softwareProblem == null, true,
                softwareProblem == null ? "loaded" : softwareProblem));
        Map<String, String> damaged = keys.damagedKeyFiles();
        if (!damaged.isEmpty()) {
            out.add(new Check("keystore:software:damaged", false, false, "degraded: " + damaged.size()
                    + " key files not loaded (the other keys are used): " + String.join("; ", damaged.entrySet()
                    .stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
        }
        if (hsmConfigured) {
            out.add(tokenStore(problems));
        }
        return out;
    }

    public static boolean ready(List<Check> checks) {
        return checks.stream().allMatch(c -> c.ok() || !c.required());
    }

    /** The token's key store: usable while the backend holding it runs and is healthy (never logs in). */
    private Check tokenStore(Map<String, Optional<String>> problems) {
        Optional<Backend> holder = registry.all().stream().filter(b -> b.tokenKeys().isPresent()).findFirst();
        if (holder.isEmpty()) {
            String why = registry.failures().stream().filter(f -> f.backendId().equals(BackendRegistry.HSM))
                    .map(f -> ": failed to start: " + f.message()).findFirst().orElse("");
            return new Check("keystore:hsm", false, true, "unavailable: the HSM backend is not running" + why);
        }
        Optional<String> problem = problems.getOrDefault(holder.get().id(), Optional.empty());
        return new Check("keystore:hsm", problem.isEmpty(), true, problem.map(p -> "unavailable: " + p)
                .orElse("token open"));
    }

    private static Optional<String> problem(Backend b) {
        try {
            return b.healthProblem();
        } catch (RuntimeException e) {
            return Optional.of("the health check failed: " + e.getClass().getSimpleName());
        }
    }
}
