package dev.sigil.service.http;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.keys.KeyService;
import java.util.ArrayList;
import java.util.List;

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
        for (Backend b : registry.all()) {
            boolean healthy = healthy(b);
            if (healthy && !b.schemes(Operation.VERIFY).isEmpty()) {
                verifiers.add(b.id());
            }
            out.add(new Check("backend:" + b.id(), healthy, false, healthy ? b.device() : "unhealthy"));
        }
        registry.failures().forEach(f -> out.add(new Check("backend:" + f.backendId(), false, false,
                "failed to start: " + f.message())));
        out.add(0, new Check("verify", !verifiers.isEmpty(), true,
                verifiers.isEmpty() ? "no healthy backend verifies" : "verifying on " + String.join(", ", verifiers)));
        String softwareProblem = keys.softwareProblem();
        out.add(new Check("keystore:software", softwareProblem == null, true,
                softwareProblem == null ? "loaded" : softwareProblem));
        if (hsmConfigured) {
            boolean token = keys.tokenKeys().isPresent();
            out.add(new Check("keystore:hsm", token, true, token ? "token open" : "the HSM backend is not running"));
        }
        return out;
    }

    public static boolean ready(List<Check> checks) {
        return checks.stream().allMatch(c -> c.ok() || !c.required());
    }

    private static boolean healthy(Backend b) {
        try {
            return b.isHealthy();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
