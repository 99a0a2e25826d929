package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sigil bench}: every available backend × scheme × batch size in process, the plain Bouncy Castle and
 * openssl baselines, an open-loop HTTP load test, the same over gRPC with the small-request table; then a table on stdout and {@code report.json},
 * {@code report.html}, {@code report.md} and {@code table.txt} in the output directory.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        int status;
        try {
            status = run(args, System.out, System.err, ServiceProcess.MAIN);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (IOException e) {
            System.err.println("bench failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the whole bench; returns the exit status (0 unless a backend gave wrong outcomes). */
    static int run(String[] args, PrintStream out, PrintStream err, String serviceMain) throws IOException {
        BenchOptions options = BenchOptions.parse(args);
        Files.createDirectories(options.out());
        Progress progress = new Progress(err);
        Results results = new Results();
        results.command = String.join(" ", "./sigil bench", String.join(" ", args)).trim();
        results.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        machine(results.machine);
        progress.step("sigil bench%s: %s", options.quick() ? " (quick)" : "", TextReport.machine(results.machine));
        BenchPools pools = new BenchPools(options.quick() ? 256 : 2048, progress);
        Path backendData = Files.createTempDirectory("sigil-bench-backends");
        List<Scheme> schemes;
        try {
            new BackendSweep(options, progress, pools, backendData).run(results);
            new RecoveryBenchmark(options, progress, pools, backendData).run(results);
            schemes = schemes(results, options);
            new Baselines(options, progress, pools).run(results, schemes);
            new EngineComparison(options, progress, pools).run(results, schemes, backendData);
        } finally {
            TempDirs.delete(backendData);
        }
        results.capacityItemsPerSecond = capacity(results, schemes);
        new HttpPhase(options, progress, pools, serviceMain).run(results, schemes, results.capacityItemsPerSecond);
        if (ServiceProcess.isPresent("io.grpc.ManagedChannelBuilder")
                && ServiceProcess.isPresent("dev.sigil.client.SigilClient")) {
            new GrpcPhase(options, progress, pools, serviceMain).run(results, schemes,
                    results.capacityItemsPerSecond);
        } else {
            results.grpcStatus = "gRPC phase skipped: the Java client and grpc-java are not on the class path "
                    + "(the bundle leaves them out; run ./sigil bench in a checkout)";
            results.notes.add(results.grpcStatus);
            progress.step("%s", results.grpcStatus);
        }
        results.seconds = progress.elapsedSeconds();
        results.machine.put("loadAverageAtEnd", loadAverage());
        busy(results);
        write(options.out(), results, out, progress);
        return results.sweep.stream().anyMatch(p -> p.mismatches() > 0)
                || results.recovery.stream().anyMatch(p -> p.mismatches() > 0) ? 3 : 0;
    }

    private static void write(Path dir, Results results, PrintStream out, Progress progress) throws IOException {
        String table = TextReport.text(results);
        Files.writeString(dir.resolve("table.txt"), table, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.md"), TextReport.markdown(results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.json"), JsonReport.render(results), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), Html.render(results), StandardCharsets.UTF_8);
        progress.step("wrote %s/{report.html,report.json,report.md,table.txt}", dir);
        out.print(table);
        out.flush();
    }

    /** The schemes the sweep measured, or every requested scheme when no backend ran. */
    private static List<Scheme> schemes(Results results, BenchOptions options) {
        List<Scheme> measured = results.schemes().stream().map(s -> Scheme.fromWire(s).orElseThrow()).toList();
        return !measured.isEmpty() ? measured
                : Arrays.stream(Scheme.values()).filter(s -> options.wantsScheme(s.wireName())).toList();
    }

    /**
     * Items per second the fastest backend reached on a request mixing the schemes evenly: the harmonic
     * combination of each scheme's best in-process throughput.
     */
    static double capacity(Results results, List<Scheme> schemes) {
        double secondsPerItem = 0;
        for (Scheme s : schemes) {
            double best = results.sweep.stream().filter(p -> p.scheme().equals(s.wireName()))
                    .mapToDouble(Results.SweepPoint::itemsPerSecond).max().orElse(0);
            if (best <= 0) {
                return 0;
            }
            secondsPerItem += 1.0 / (best * schemes.size());
        }
        return secondsPerItem == 0 ? 0 : 1 / secondsPerItem;
    }

    private static void machine(Map<String, Object> m) {
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", Runtime.version().toString());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
        m.put("loadAverageAtStart", loadAverage());
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    /** Warns when other work shared the cores: the figures are then lower and noisier than the machine can do. */
    private static void busy(Results results) {
        int cores = Runtime.getRuntime().availableProcessors();
        double start = (double) results.machine.get("loadAverageAtStart");
        if (start > cores * 0.5) {
            results.notes.add(String.format(java.util.Locale.ROOT, "the machine was busy before the run began "
                    + "(1-minute load average %.2f on %d cores): figures are lower and noisier than on an idle "
                    + "machine", start, cores));
        }
    }

    static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
