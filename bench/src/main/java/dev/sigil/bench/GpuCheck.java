package dev.sigil.bench;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.conformance.ConformanceSets;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.gpu.OpenClBackend;
import dev.sigil.gpu.OpenClDevices;
import dev.sigil.service.routing.CostPriors;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code sigil gpu-check}: whether this machine's OpenCL devices give Sigil's answers, and how fast. Lists the
 * platforms and devices; on each device builds the programs (the compiler's log on failure), runs every conformance
 * vector ({@link ConformanceSets}: Wycheproof P-256 and Ed25519, the SM2 standard example, the project's own edge
 * cases), a differential run of random and adversarial items per scheme ({@link AdversarialItems}) against the cpu
 * backend, and a throughput sweep over batch sizes ({@link GpuSweep}). Writes {@code report.json} and
 * {@code report.html}, prints a short table, and exits 1 when any item disagrees, a vector fails or a device cannot
 * be opened (2 on a bad option).
 */
public final class GpuCheck {
    static final String USAGE = """
            usage: sigil gpu-check [--out DIR] [--items N] [--max-batch N] [--seed S] [--measure-ms MS] [--cache-dir DIR]
                                   [--data-dir DIR]
              --out DIR        report directory (default gpu-check-report)
              --items N        random and adversarial items per scheme in the differential run (default 100000)
              --max-batch N    largest batch of the throughput sweep, a power of two from 1024 (default 1048576 on a
                               GPU or accelerator, 2048 on an OpenCL CPU device); 0 skips the sweep
              --seed S         seed of the generated items (default 1)
              --measure-ms MS  measuring time per sweep point (default 500)
              --cache-dir DIR  keep compiled programs there (default: a fresh directory, so the programs are built)
              --data-dir DIR   the data directory of `sigil serve` (default data, as serve's): the measured costs of
                               every device that passed go to DIR/costs.json, where the router starts from them
            """;

    /** Items per differential batch, each made by its own generator. */
    static final int CHUNK = 4_096;

    private final Options options;
    private final Progress progress;
    private final CpuBackend cpu = new CpuBackend(Runtime.getRuntime().availableProcessors());
    private final Map<String, Object> report = new LinkedHashMap<>();
    private long failures;

    record Options(Path out, int items, int maxBatch, long seed, int measureMs, Path cacheDir, Path dataDir) {
        static Options parse(String[] args) {
            Path out = Path.of("gpu-check-report");
            int items = 100_000;
            int maxBatch = -1;
            long seed = 1;
            int measureMs = 500;
            Path cache = null;
            Path data = Path.of("data");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value after " + a + "\n" + USAGE);
                }
                String v = args[++i];
                switch (a) {
                    case "--out" -> out = Path.of(v);
                    case "--items" -> items = positive(a, v, 0);
                    case "--max-batch" -> maxBatch = positive(a, v, 0);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--measure-ms" -> measureMs = positive(a, v, 1);
                    case "--cache-dir" -> cache = Path.of(v);
                    case "--data-dir" -> data = Path.of(v);
                    default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            }
            if (maxBatch > 0 && (maxBatch < GpuSweep.MIN_BATCH || Integer.bitCount(maxBatch) != 1
                    || maxBatch > GpuSweep.MAX_BATCH)) {
                throw new IllegalArgumentException("--max-batch must be 0 or a power of two from " + GpuSweep.MIN_BATCH
                        + " to " + GpuSweep.MAX_BATCH);
            }
            return new Options(out, items, maxBatch, seed, measureMs, cache, data);
        }

        private static int positive(String name, String v, int min) {
            try {
                int n = Integer.parseInt(v);
                if (n >= min) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ", got " + v);
        }
    }

    GpuCheck(Options options, PrintStream err) {
        this.options = options;
        this.progress = new Progress(err);
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        int status;
        try {
            status = new GpuCheck(Options.parse(args), System.err).run(System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (IOException e) {
            System.err.println("gpu-check failed: " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    /** Runs every check; returns the exit status. */
    int run(PrintStream out) throws IOException {
        Files.createDirectories(options.out());
        report.put("format", 1);
        report.put("command", "sigil gpu-check");
        report.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        report.put("options", Json.object("items", options.items(),
                "maxBatch", options.maxBatch() < 0 ? "per device" : options.maxBatch(),
                "seed", options.seed(), "measureMs", options.measureMs()));
        report.put("machine", Json.object("cpu", BenchMain.cpuModel(), "cores",
                Runtime.getRuntime().availableProcessors(), "java", Runtime.version().toString()));
        List<Map<String, Object>> devices = new ArrayList<>();
        report.put("devices", devices);
        Path cache = options.cacheDir() != null ? options.cacheDir() : Files.createTempDirectory("sigil-gpu-check");
        try {
            OpenClDevices found = OpenClDevices.find();
            for (OpenClDevices.Device d : found.list()) {
                progress.step("device %d: %s (%s, %s, %d compute units, %,d MiB) on %s %s", d.index(), d.name(),
                        d.type(), d.vendor(), d.computeUnits(), d.globalMemBytes() >> 20, d.platform(),
                        d.platformVersion());
            }
            List<CostPriors.Device> measured = new ArrayList<>();
            for (OpenClDevices.Device d : found.list()) {
                long before = failures;
                Map<String, Object> m = device(found, d, cache);
                devices.add(m);
                if (failures == before) {
                    costs(d, m).ifPresent(measured::add);
                }
            }
            if (!measured.isEmpty()) {
                CostPriors.of(measured).write(options.dataDir());
                report.put("costsFile", options.dataDir().resolve(CostPriors.FILE).toString());
                progress.step("wrote the measured costs to %s: `sigil serve` with this data directory starts its "
                        + "router from them", options.dataDir().resolve(CostPriors.FILE));
            }
        } catch (BackendException.Unavailable e) {
            report.put("error", e.getMessage());
            progress.step("no usable OpenCL device: %s", e.getMessage());
            failures++;
        } finally {
            if (options.cacheDir() == null) {
                TempDirs.delete(cache);
            }
            cpu.close();
        }
        if (devices.isEmpty() && !report.containsKey("error")) {
            report.put("error", "no OpenCL device");
            failures++;
        }
        report.put("seconds", progress.elapsedSeconds());
        report.put("failures", failures);
        report.put("ok", failures == 0);
        String table = GpuCheckReport.table(report);
        Files.writeString(options.out().resolve("report.json"), Json.write(report), StandardCharsets.UTF_8);
        Files.writeString(options.out().resolve("report.html"), GpuCheckReport.html(report), StandardCharsets.UTF_8);
        out.print(table);
        out.flush();
        progress.step("wrote %s/{report.json,report.html}: %s", options.out(), failures == 0 ? "ok"
                : failures + " failure(s)");
        return failures == 0 ? 0 : 1;
    }

    /** A device's fitted sweep costs (fixed and per item, per scheme) for the router; empty without a sweep. */
    @SuppressWarnings("unchecked")
    static java.util.Optional<CostPriors.Device> costs(OpenClDevices.Device d, Map<String, Object> m) {
        Map<Scheme, CostPriors.Cost> verify = new java.util.EnumMap<>(Scheme.class);
        if (m.get("sweep") instanceof List<?> sweep) {
            for (Object o : sweep) {
                Map<String, Object> row = (Map<String, Object>) o;
                Object fixed = row.get("fixedMs");
                Object perItem = row.get("perItemMicros");
                java.util.Optional<Scheme> s = Scheme.fromWire(String.valueOf(row.get("scheme")));
                if (s.isPresent() && fixed instanceof Number f && perItem instanceof Number p
                        && p.doubleValue() > 0 && Double.isFinite(p.doubleValue()) && Double.isFinite(f.doubleValue())) {
                    verify.put(s.get(), new CostPriors.Cost(Math.max(0, f.doubleValue() * 1e6), p.doubleValue() * 1e3));
                }
            }
        }
        return verify.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(new CostPriors.Device("opencl", d.name(), d.driverVersion(), verify));
    }

    private Map<String, Object> device(OpenClDevices found, OpenClDevices.Device d, Path cache) {
        Map<String, Object> m = Json.object("index", d.index(), "platform", d.platform(), "platformVersion",
                d.platformVersion(), "name", d.name(), "vendor", d.vendor(), "driverVersion", d.driverVersion(),
                "type", d.type(), "computeUnits", d.computeUnits(), "globalMemBytes", d.globalMemBytes(),
                "maxAllocBytes", d.maxAllocBytes());
        long t0 = System.nanoTime();
        BackendContext ctx = new BackendContext(Map.of("cacheDir", cache.toString()), cache,
                Runtime.getRuntime().availableProcessors());
        OpenClBackend gpu;
        try {
            gpu = found.open(d, ctx);
        } catch (BackendException e) {
            m.put("buildError", e.getMessage());
            progress.step("device %d: cannot be opened: %s", d.index(), e.getMessage());
            failures++;
            return m;
        }
        try (gpu) {
            m.put("buildSeconds", (System.nanoTime() - t0) / 1e9);
            m.put("deviceMemoryBytes", gpu.deviceMemoryBytes());
            progress.step("device %d: programs built in %.1f s, %,d KiB of device memory", d.index(),
                    (System.nanoTime() - t0) / 1e9, gpu.deviceMemoryBytes() >> 10);
            List<Scheme> schemes = List.copyOf(gpu.verifiableSchemes());
            m.put("conformance", conformance(gpu, schemes));
            m.put("differential", differential(gpu, schemes));
            int maxBatch = options.maxBatch() >= 0 ? options.maxBatch()
                    : d.type().equals("cpu") ? GpuSweep.CPU_DEVICE_DEFAULT : GpuSweep.MAX_BATCH;
            m.put("maxBatch", maxBatch);
            m.put("sweep", new GpuSweep(gpu, cpu, progress, maxBatch, options.measureMs()).run(schemes));
            m.put("deviceMemoryBytesAfterSweep", gpu.deviceMemoryBytes());
        } catch (RuntimeException e) {
            // a device error (BackendException) or anything else: the report still says what ran and what did not
            m.put("deviceError", e.getClass().getSimpleName() + ": " + e.getMessage());
            progress.step("device %d failed: %s", d.index(), e);
            failures++;
        }
        return m;
    }

    /** Every conformance set of every scheme: the device's verdicts against the files' and the cpu backend's. */
    private List<Map<String, Object>> conformance(OpenClBackend gpu, List<Scheme> schemes) {
        Signer signer = cpu.signer().orElseThrow();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Scheme s : schemes) {
            long[] keys = {0};
            List<ConformanceSets.Set> sets = ConformanceSets.of(s, signer,
                    sc -> AdversarialItems.key(sc, options.seed() * 7919 + sc.ordinal() * 131 + keys[0]++));
            if (sets.isEmpty()) {
                out.add(Json.object("scheme", s.wireName(), "set", "none in this build", "cases", 0,
                        "failures", List.of()));
            }
            for (ConformanceSets.Set set : sets) {
                VerifyBatchBuilder b = VerifyBatch.builder(s, set.rules(), set.cases().size());
                set.cases().forEach(c -> b.add(c.item()));
                VerifyBatch batch = b.build();
                Outcome[] got = gpu.verify(batch);
                Outcome[] ref = cpu.verify(batch);
                List<String> bad = new ArrayList<>();
                for (int i = 0; i < got.length; i++) {
                    ConformanceSets.Case c = set.cases().get(i);
                    if (!c.matches(got[i].verdict(), set.validOnly()) || !got[i].equals(ref[i])) {
                        bad.add(c.name() + ": expected " + c.expected() + ", opencl " + got[i] + ", cpu " + ref[i]);
                    }
                }
                failures += bad.size();
                out.add(Json.object("scheme", s.wireName(), "set", set.name(), "rules", set.rules().wireName(),
                        "cases", set.cases().size(), "failures", bad.subList(0, Math.min(bad.size(), 20)),
                        "failed", bad.size()));
                progress.step("conformance %-16s %-52s %5d vectors: %s", s.wireName(), set.name(),
                        set.cases().size(), bad.isEmpty() ? "all match" : bad.size() + " FAIL, first: " + bad.get(0));
            }
        }
        return out;
    }

    /**
     * {@code --items} items of every kind per scheme (three quarters under {@code standard}, the rest under
     * {@code low-s}) on the device and on the cpu backend: every outcome must be equal. Also counts the items the
     * host decided after the device ran (crafted Ed25519 small-order items only). The items are made in chunks of
     * {@value #CHUNK}, each from its own seed, on every core (crafting Ed25519 small-order items is slow).
     */
    private List<Map<String, Object>> differential(OpenClBackend gpu, List<Scheme> schemes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Scheme s : schemes) {
            if (options.items() == 0) {
                break;
            }
            int chunks = (options.items() + CHUNK - 1) / CHUNK;
            List<List<EncodedItem>> parts = IntStream.range(0, chunks).parallel().mapToObj(c ->
                    new AdversarialItems(s, options.seed() * 1_000_003L + s.ordinal() * 8_191L + c, 16, 64)
                            .items(Math.min(CHUNK, options.items() - c * CHUNK))).toList();
            long hostBefore = gpu.hostDecidedItems(s);
            long disagreements = 0;
            List<String> examples = new ArrayList<>();
            int done = 0;
            for (int c = 0; c < chunks; c++) {
                RuleSet rules = c > 0 && c >= chunks * 3 / 4 ? RuleSet.LOW_S : RuleSet.STANDARD;
                disagreements += compare(gpu, s, rules, parts.get(c), examples);
                done += parts.get(c).size();
            }
            long onHost = gpu.hostDecidedItems(s) - hostBefore;
            failures += disagreements;
            out.add(Json.object("scheme", s.wireName(), "items", done, "disagreements", disagreements,
                    "hostDecided", onHost, "examples", examples));
            progress.step("differential %-16s %,9d items: %d disagreements, %d decided on the host", s.wireName(),
                    done, disagreements, onHost);
        }
        return out;
    }

    /** Verifies the items on both backends; returns the disagreements, the first ten described in examples. */
    private long compare(OpenClBackend gpu, Scheme s, RuleSet rules, List<EncodedItem> items, List<String> examples) {
        VerifyBatchBuilder b = VerifyBatch.builder(s, rules, items.size());
        items.forEach(b::add);
        VerifyBatch batch = b.build();
        Outcome[] got = gpu.verify(batch);
        Outcome[] ref = cpu.verify(batch);
        long bad = 0;
        for (int i = 0; i < items.size(); i++) {
            if (!got[i].equals(ref[i])) {
                bad++;
                if (examples.size() < 10) {
                    EncodedItem it = items.get(i);
                    examples.add(rules.wireName() + " key=" + Hex.encode(it.publicKey()) + " sig="
                            + Hex.encode(it.signature()) + " cpu=" + ref[i] + " opencl=" + got[i]);
                }
            }
        }
        return bad;
    }
}
