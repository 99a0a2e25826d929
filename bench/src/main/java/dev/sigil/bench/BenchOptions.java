package dev.sigil.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flags of {@code ./sigil bench}. Quick mode shrinks batch sizes and durations to a smoke run; the full run
 * measures every point long enough to be stable.
 */
record BenchOptions(Path out, boolean quick, List<Integer> batchSizes, Duration warmup, Duration measure,
        Set<String> backends, Set<String> schemes, boolean http, URI url, int itemsPerRequest,
        Duration stepDuration, int maxSteps, boolean openssl, Map<String, Map<String, Object>> settings,
        Path serviceConfig, String httpBackend, int overloadClients, int overloadItems, Duration overloadDuration,
        boolean grpc, String grpcTarget) {

    static final String USAGE = """
            usage: ./sigil bench [--quick] [--out DIR] [--backends cpu,opencl,...] [--schemes ecdsa-p256,...]
                                 [--batch-sizes 1,16,256] [--measure-ms N] [--warmup-ms N]
                                 [--url http://host:port | --no-http] [--items-per-request N]
                                 [--step-ms N] [--max-steps N] [--no-openssl] [--set backend.key=value ...]
                                 [--service-config FILE] [--http-backend ID] [--no-grpc | --grpc-target H:P]
                                 [--overload CLIENTSxITEMS] [--overload-seconds N]
              --quick         small batch sizes and short durations (a smoke run, about a minute)
              --out DIR       where report.html, report.json, report.md and table.txt go (default bench-report/)
              --url URL       load-test a running service instead of starting one
              --no-http       skip the HTTP load test
              --set id.k=v    a setting for one backend provider (e.g. --set hsm.verify=true)
              --service-config FILE   the --config given to the service the bench starts
              --http-backend ID       pin every load-test request to one backend ("backend": ID)
              --overload 40x20000     after the HTTP phase, that many clients each sending requests of that many
                                      items (first scheme) in a closed loop, 15 s client timeout: answers, latency
                                      against routing.maxQueueDelayMs, and how soon the service's CPU goes idle
              --overload-seconds N    how long the overload clients send (default 20)
              --no-grpc       skip the gRPC phase (gRPC load test and the small-request table)
              --grpc-target H:P       run the gRPC phase against a running service (its HTTP port) instead of
                                      starting one
            """;

    static BenchOptions parse(String... args) {
        boolean quick = List.of(args).contains("--quick");
        Path out = Path.of("bench-report");
        List<Integer> sizes = quick ? List.of(1, 16, 256) : List.of(1, 4, 16, 64, 256, 1024, 4096, 16384);
        Duration warmup = Duration.ofMillis(quick ? 150 : 1000);
        Duration measure = Duration.ofMillis(quick ? 400 : 2000);
        Set<String> backends = Set.of();
        Set<String> schemes = Set.of();
        boolean http = true;
        boolean openssl = true;
        URI url = null;
        int perRequest = quick ? 16 : 64;
        Duration step = Duration.ofMillis(quick ? 1500 : 5000);
        int maxSteps = quick ? 7 : 16;
        Map<String, Map<String, Object>> settings = new HashMap<>();
        Path serviceConfig = null;
        String httpBackend = null;
        int overloadClients = 0;
        int overloadItems = 0;
        Duration overloadDuration = Duration.ofSeconds(20);
        boolean grpc = true;
        String grpcTarget = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> { }
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--batch-sizes" -> sizes = ints(value(args, ++i, a));
                case "--warmup-ms" -> warmup = Duration.ofMillis(positive(value(args, ++i, a), a));
                case "--measure-ms" -> measure = Duration.ofMillis(positive(value(args, ++i, a), a));
                case "--backends" -> backends = Set.of(value(args, ++i, a).split(","));
                case "--schemes" -> schemes = Set.of(value(args, ++i, a).split(","));
                case "--no-http" -> http = false;
                case "--no-openssl" -> openssl = false;
                case "--url" -> url = URI.create(value(args, ++i, a));
                case "--items-per-request" -> perRequest = positive(value(args, ++i, a), a);
                case "--step-ms" -> step = Duration.ofMillis(positive(value(args, ++i, a), a));
                case "--max-steps" -> maxSteps = positive(value(args, ++i, a), a);
                case "--set" -> setting(settings, value(args, ++i, a));
                case "--service-config" -> serviceConfig = Path.of(value(args, ++i, a));
                case "--http-backend" -> httpBackend = value(args, ++i, a);
                case "--overload" -> {
                    String[] v = value(args, ++i, a).split("x");
                    if (v.length != 2) {
                        throw new IllegalArgumentException("--overload wants CLIENTSxITEMS, e.g. 40x20000");
                    }
                    overloadClients = positive(v[0], a);
                    overloadItems = positive(v[1], a);
                }
                case "--overload-seconds" -> overloadDuration = Duration.ofSeconds(positive(value(args, ++i, a), a));
                case "--no-grpc" -> grpc = false;
                case "--grpc-target" -> grpcTarget = value(args, ++i, a);
                default -> throw new IllegalArgumentException("unknown flag " + a + "\n" + USAGE);
            }
        }
        return new BenchOptions(out, quick, sizes, warmup, measure, backends, schemes, http, url, perRequest,
                step, maxSteps, openssl, settings, serviceConfig, httpBackend, overloadClients, overloadItems,
                overloadDuration, grpc, grpcTarget);
    }

    /** The settings given for one backend provider with {@code --set id.key=value}. */
    Map<String, Object> settingsFor(String backendId) {
        return settings.getOrDefault(backendId, Map.of());
    }

    boolean wantsBackend(String id) {
        return backends.isEmpty() || backends.contains(id);
    }

    boolean wantsScheme(String wireName) {
        return schemes.isEmpty() || schemes.contains(wireName);
    }

    private static void setting(Map<String, Map<String, Object>> settings, String spec) {
        int dot = spec.indexOf('.');
        int eq = spec.indexOf('=');
        if (dot < 1 || eq < dot + 2) {
            throw new IllegalArgumentException("--set wants backend.key=value, got " + spec);
        }
        settings.computeIfAbsent(spec.substring(0, dot), k -> new LinkedHashMap<>())
                .put(spec.substring(dot + 1, eq), typed(spec.substring(eq + 1)));
    }

    /** {@code true}/{@code false} and integers become Boolean and Integer, as a YAML loader would give them. */
    private static Object typed(String v) {
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        return v.matches("-?\\d{1,9}") ? (Object) Integer.parseInt(v) : v;
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int positive(String v, String flag) {
        int n = Integer.parseInt(v.trim());
        if (n < 1) {
            throw new IllegalArgumentException(flag + " must be positive, got " + v);
        }
        return n;
    }

    private static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String p : csv.split(",")) {
            out.add(positive(p, "--batch-sizes"));
        }
        return out.stream().sorted().distinct().toList();
    }
}
