package dev.sigil.bench;

import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.crypto.testing.AdversarialItems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The cpu backend against the plain loop of its scheme, measured in turn rather than minutes apart. The sweep and
 * the baselines are measured one after the other, and on a shared machine its speed drifts between them by more than
 * the differences that matter here (in one run the sweep and the baselines put Ed25519 at 1.01× the plain loop per
 * CPU-second, these rounds at 0.77×, the ratio every interleaved measurement gives). Here each round
 * runs, for a slice of time each: the cpu backend on every core, the plain loop on one thread, and the cpu backend
 * with one thread, the order rotating from round to round; a round's ratios compare figures measured within a
 * second of each other, and the table gives their median and range.
 *
 * <p>The plain loop is the native one where the backend serves the scheme with a native engine (libsecp256k1,
 * AWS-LC), and Bouncy Castle's where it serves it with Bouncy Castle (SM2, or {@code --set cpu.engine=bouncycastle}).
 * Items are the sweep's (the same mix of tampered ones).
 */
final class EngineComparison {
    /** One scheme and batch size: medians over the rounds. */
    record Row(String scheme, String baseline, int batch, int rounds, double backendPerCpu, double baselinePerCpu,
            double ratio, double minRatio, double maxRatio, double oneThreadRatio, double oneThreadPerSecond,
            double allThreadsPerSecond, double scaling) {
    }

    private static final int SMALLEST = 16;
    private static final int LARGEST = 4096;

    private final BenchOptions options;
    private final Progress progress;
    private final BenchPools pools;

    EngineComparison(BenchOptions options, Progress progress, BenchPools pools) {
        this.options = options;
        this.progress = progress;
        this.pools = pools;
    }

    /** The batch sizes compared: those of the run from 16 to 4 096 items (quick: the largest of them only). */
    static List<Integer> sizes(List<Integer> runSizes, boolean quick) {
        List<Integer> in = runSizes.stream().filter(s -> s >= SMALLEST && s <= LARGEST).sorted().toList();
        return quick && !in.isEmpty() ? List.of(in.getLast()) : in;
    }

    void run(Results results, List<Scheme> schemes, Path dataDir) {
        if (!options.wantsBackend("cpu")) {
            return;
        }
        List<Integer> sizes = sizes(options.batchSizes(), options.quick());
        if (sizes.isEmpty()) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        Optional<BackendProvider> provider = ServiceLoader.load(BackendProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.id().equals("cpu")).findFirst();
        if (provider.isEmpty()) {
            return;
        }
        Map<String, Object> oneThread = new HashMap<>(options.settingsFor("cpu"));
        oneThread.put("threads", 1);
        boolean bouncyCastle = "bouncycastle".equalsIgnoreCase(
                String.valueOf(options.settingsFor("cpu").getOrDefault("engine", "auto")));
        progress.step("cpu backend and plain loops in turn: batches %s", sizes);
        try (Backend all = provider.get().create(new BackendContext(options.settingsFor("cpu"), dataDir, cores));
                Backend one = provider.get().create(new BackendContext(oneThread, dataDir, 1))) {
            for (Scheme scheme : schemes) {
                if (all.verifier().filter(v -> v.verifiableSchemes().contains(scheme)).isEmpty()) {
                    continue;
                }
                List<AdversarialItems.Signed> items = pools.items(scheme, 256);
                // why a native loop does not load is already in the baselines' notes
                Optional<PlainNative> nativeLoop = bouncyCastle ? Optional.empty()
                        : PlainNative.of(scheme, items, new ArrayList<>());
                Baselines.Loop plain = nativeLoop.<Baselines.Loop>map(n -> n)
                        .orElseGet(() -> new PlainBouncyCastle(scheme, items));
                String baseline = nativeLoop.map(n -> "plain " + n.library()).orElse("plain Bouncy Castle");
                for (int size : sizes) {
                    Row row = compare(scheme, baseline, size, all.verifier().orElseThrow(),
                            one.verifier().orElseThrow(), plain);
                    results.engines.add(row);
                    progress.step("in turn %-17s batch %5d: %,8.0f vs %,8.0f items/CPU-s (%s) = %.2f× "
                            + "(%.2f–%.2f), one thread %.2f×; %d threads %.2f× one", scheme.wireName(), size,
                            row.backendPerCpu(), row.baselinePerCpu(), baseline, row.ratio(), row.minRatio(),
                            row.maxRatio(), row.oneThreadRatio(), cores, row.scaling());
                }
            }
        } catch (RuntimeException e) {
            results.notes.add("cpu backend and plain loops in turn: not measured (" + e.getMessage() + ")");
        }
    }

    private Row compare(Scheme scheme, String baseline, int size, Verifier all, Verifier one, Baselines.Loop plain) {
        VerifyBatch batch = AdversarialItems.batch(scheme, RuleSet.STANDARD, pools.items(scheme, size));
        boolean[] expected = pools.expectedValid(scheme, size);
        if (BackendSweep.mismatches(all.verify(batch), expected) != 0
                || BackendSweep.mismatches(one.verify(batch), expected) != 0) {
            throw new IllegalStateException(scheme.wireName() + " batch " + size + ": wrong outcomes");
        }
        int rounds = options.quick() ? 3 : 15;
        long slice = options.quick() ? 50_000_000L : 100_000_000L;
        List<Mode> modes = List.of(
                new Mode(() -> all.verify(batch).length),
                new Mode(() -> {
                    plain.verify(0, plain.size());
                    return plain.size();
                }),
                new Mode(() -> one.verify(batch).length));
        BackendSweep.untilJitQuiet(() -> {
            modes.forEach(m -> m.slice(slice / 4));
            return null;
        });
        double[] ratios = new double[rounds];
        double[] oneRatios = new double[rounds];
        double[] scalings = new double[rounds];
        double[][] perCpu = new double[3][rounds];
        double[] oneRate = new double[rounds];
        double[] allRate = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < modes.size(); k++) {
                int m = (r + k) % modes.size();
                double[] f = modes.get(m).slice(slice);
                perCpu[m][r] = f[1];
                if (m == 0) {
                    allRate[r] = f[0];
                } else if (m == 2) {
                    oneRate[r] = f[0];
                }
            }
            ratios[r] = perCpu[0][r] / perCpu[1][r];
            oneRatios[r] = perCpu[2][r] / perCpu[1][r];
            scalings[r] = allRate[r] / oneRate[r];
        }
        return new Row(scheme.wireName(), baseline, size, rounds, BackendSweep.median(perCpu[0]),
                BackendSweep.median(perCpu[1]), BackendSweep.median(ratios), min(ratios), max(ratios),
                BackendSweep.median(oneRatios), BackendSweep.median(oneRate), BackendSweep.median(allRate),
                BackendSweep.median(scalings));
    }

    /** One way of verifying: a unit of work (returns the items it verified), repeated for a slice of time. */
    private record Mode(java.util.function.LongSupplier work) {
        /** Items per second and items per CPU-second (this process's Java threads) over at least {@code nanos}. */
        double[] slice(long nanos) {
            long cpu0 = BackendSweep.processCpuNanos();
            long t0 = System.nanoTime();
            long items = 0;
            do {
                items += work.getAsLong();
            } while (System.nanoTime() - t0 < nanos);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = BackendSweep.processCpuNanos() - cpu0;
            return new double[] {items / seconds, cpu0 < 0 || cpu <= 0 ? Double.NaN : items / (cpu / 1e9)};
        }
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    /** The table: one row per scheme and batch size. */
    static Table table(List<Row> rows) {
        int cores = Runtime.getRuntime().availableProcessors();
        Table t = new Table("scheme", "plain loop (1 thread)", "batch", "rounds", "cpu items/CPU-s",
                "plain items/CPU-s", "× plain per CPU-s (median)", "range", "cpu 1 thread × plain per CPU-s",
                "cpu 1 thread items/s", "cpu " + cores + " threads items/s", "× 1 thread (median)");
        for (Row r : rows) {
            t.row(r.scheme(), r.baseline(), r.batch(), r.rounds(), Table.num(r.backendPerCpu()),
                    Table.num(r.baselinePerCpu()), Table.ratio(r.ratio()),
                    String.format(java.util.Locale.ROOT, "%.2f–%.2f", r.minRatio(), r.maxRatio()),
                    Table.ratio(r.oneThreadRatio()), Table.num(r.oneThreadPerSecond()),
                    Table.num(r.allThreadsPerSecond()), Table.ratio(r.scaling()));
        }
        return t;
    }

    static final String TITLE = "cpu backend against the plain loop of its scheme, measured in turn (rounds of a "
            + "slice each: the backend on every core, the plain loop on one thread, the backend on one thread, the "
            + "order rotating; ratios within each round, then the median and range over the rounds; "
            + BenchPools.mix() + ")";
}
