package dev.sigil.gpu;

import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clFinish;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clReleaseCommandQueue;
import static org.jocl.CL.clReleaseKernel;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clSetKernelArg;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * Chooses a device's work-group size when the {@code localSize} setting does not: a short timed run of the
 * secp256k1 ECDSA kernel (the most common work, and the one whose shared inversions depend most on the group) at
 * each candidate size, best of three interleaved passes (wall clock; CPU time of the process on a CPU device). The
 * fastest wins if it beats the default by more than {@link #MARGIN} ({@link #HOST_MARGIN} on a CPU device; a smaller
 * difference is noise). The choice is cached beside the program binaries (a file named by the program's cache key,
 * so a new kernel source, driver or device probes again) and read back on the next start. The probe's items are
 * synthetic (key G, random e, r and s below n), so every work-item does the whole verification; their results are
 * not used.
 */
final class LocalSizeProbe {
    private static final Logger LOG = Logger.getLogger(LocalSizeProbe.class.getName());
    /** The sizes tried, where the device and the kernel allow them. */
    static final List<Integer> CANDIDATES = List.of(32, 64, 128, 256);
    private static final String SUFFIX = ".localsize";
    /** Timed passes over the candidates, interleaved; each size's best counts. */
    private static final int PASSES = 3;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    /** How much faster than the default a size must be to replace it. */
    private static final double MARGIN = 0.03;
    /**
     * The same on a CPU device, whose cores the machine's other work shares: PoCL's sizes differ by a few per cent
     * from one probe to the next, which is noise, not a property of the size.
     */
    private static final double HOST_MARGIN = 0.10;

    private LocalSizeProbe() {
    }

    /**
     * The work-group size for the device: the cached choice if {@code cacheFile} holds one, else the probe's (then
     * cached). Falls back to {@code fallback} when no candidate can run.
     */
    static int choose(cl_context context, DeviceInfo device, cl_program program, cl_mem table, Path cacheFile,
            int fallback) {
        Integer cached = read(cacheFile);
        if (cached != null) {
            return cached;
        }
        int chosen = fallback;
        try {
            chosen = probe(context, device, program, table, fallback);
        } catch (CLException e) {
            LOG.log(Level.INFO, "work-group probe failed on " + device.name() + "; using " + fallback, e);
            return fallback;
        }
        write(cacheFile, chosen);
        return chosen;
    }

    /** The file beside the program binaries that holds the choice, or null without a cache directory. */
    static Path cacheFile(Path cacheDir, DeviceInfo device, String options) {
        if (cacheDir == null) {
            return null;
        }
        String source = KernelSources.program(Scheme.ECDSA_SECP256K1);
        return cacheDir.resolve(ProgramBuilder.cacheKey(device, source, options) + SUFFIX);
    }

    private static int probe(cl_context context, DeviceInfo device, cl_program program, cl_mem table, int fallback) {
        cl_kernel kernel = clCreateKernel(program, KernelSources.kernelName(Scheme.ECDSA_SECP256K1), null);
        cl_command_queue queue = clCreateCommandQueue(context, device.id(), 0, null);
        int largest = CANDIDATES.getLast();
        // enough work-groups of the largest size to fill every compute unit a few times
        int items = Math.max(4, 2 * device.computeUnits()) * largest;
        long[] max = new long[1];
        clGetKernelWorkGroupInfo(kernel, device.id(), CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(max), null);
        int[] input = input(items);
        cl_mem in = clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                (long) input.length * Integer.BYTES, Pointer.to(input), null);
        cl_mem out = clCreateBuffer(context, CL_MEM_WRITE_ONLY, items, null, null);
        try {
            List<Integer> sizes = CANDIDATES.stream().filter(s -> s <= max[0]).toList();
            if (sizes.isEmpty()) {
                return fallback;
            }
            long[] best = new long[sizes.size()];
            java.util.Arrays.fill(best, Long.MAX_VALUE);
            for (int s = 0; s < sizes.size(); s++) {
                launch(queue, kernel, in, table, out, sizes.get(s), items, sizes.get(s), false); // builds, warms it
            }
            boolean onHost = device.type().equals("cpu");
            for (int pass = 0; pass < PASSES; pass++) {
                for (int s = 0; s < sizes.size(); s++) {
                    best[s] = Math.min(best[s], launch(queue, kernel, in, table, out, items, items, sizes.get(s),
                            onHost));
                }
            }
            int pick = 0;
            StringBuilder report = new StringBuilder();
            for (int s = 0; s < sizes.size(); s++) {
                report.append(' ').append(sizes.get(s)).append(": ").append(best[s] / 1000).append(" us");
                if (best[s] < best[pick]) {
                    pick = s;
                }
            }
            // the default stays unless another size is clearly faster (not a difference of noise)
            int dflt = sizes.indexOf(fallback);
            if (dflt >= 0 && best[pick] * (1 + (onHost ? HOST_MARGIN : MARGIN)) > best[dflt]) {
                pick = dflt;
            }
            LOG.info("work-group size " + sizes.get(pick) + " on " + device.name() + " (" + items + " items;"
                    + report + ")");
            return sizes.get(pick);
        } finally {
            clReleaseMemObject(in);
            clReleaseMemObject(out);
            clReleaseCommandQueue(queue);
            clReleaseKernel(kernel);
        }
    }

    /**
     * One launch of {@code items} work-items in groups of {@code local}: its wall-clock nanoseconds, or on a CPU
     * device ({@code onHost}: PoCL runs the work-items on this process's threads) the process's CPU nanoseconds,
     * which other load on a shared machine disturbs far less.
     */
    private static long launch(cl_command_queue queue, cl_kernel kernel, cl_mem in, cl_mem table, cl_mem out,
            int items, int stride, int local, boolean onHost) {
        clSetKernelArg(kernel, 0, Sizeof.cl_mem, Pointer.to(in));
        clSetKernelArg(kernel, 1, Sizeof.cl_mem, Pointer.to(table));
        clSetKernelArg(kernel, 2, Sizeof.cl_mem, Pointer.to(out));
        clSetKernelArg(kernel, 3, Sizeof.cl_uint, Pointer.to(new int[] {items}));
        clSetKernelArg(kernel, 4, Sizeof.cl_uint, Pointer.to(new int[] {stride}));
        clSetKernelArg(kernel, 5, KernelSources.scratchBytes(local), null);
        long start = onHost ? processCpuNanos() : System.nanoTime();
        clEnqueueNDRangeKernel(queue, kernel, 1, null, new long[] {items}, new long[] {local}, 0, null, null);
        clFinish(queue);
        return (onHost ? processCpuNanos() : System.nanoTime()) - start;
    }

    /**
     * CPU nanoseconds of every thread of this process, the OpenCL driver's included: on Linux the sum of each
     * thread's run time in {@code /proc/self/task/<id>/schedstat} (nanoseconds; the process CPU time the JDK reports
     * counts clock ticks of 10 ms, as long as a probe launch), elsewhere the JDK's figure.
     */
    static long processCpuNanos() {
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (java.util.stream.Stream<Path> threads = Files.list(tasks)) {
                long sum = 0;
                for (Path t : threads.toList()) {
                    try {
                        String stat = Files.readString(t.resolve("schedstat"), StandardCharsets.US_ASCII);
                        sum += Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                    } catch (IOException | RuntimeException e) {
                        // a thread that ended meanwhile
                    }
                }
                return sum;
            } catch (IOException e) {
                return OS.getProcessCpuTime();
            }
        }
        return OS.getProcessCpuTime();
    }

    /** ECDSA's layout (wverify.cl) with Q = G and random e, r, s in [1, n - 1]; the stride is the item count. */
    private static int[] input(int items) {
        Curve c = Scheme.ECDSA_SECP256K1.requireCurve();
        BigInteger n = c.n();
        Random rnd = new Random(1);
        int[] out = new int[KernelSources.inputWords(Scheme.ECDSA_SECP256K1) * items];
        for (int t = 0; t < items; t++) {
            BigInteger[] columns = {c.gx(), c.gy(), new BigInteger(256, rnd), random(rnd, n), random(rnd, n)};
            for (int col = 0; col < columns.length; col++) {
                int[] w = KernelConstants.words(columns[col]);
                for (int j = 0; j < 8; j++) {
                    out[(8 * col + j) * items + t] = w[j];
                }
            }
        }
        return out;
    }

    private static BigInteger random(Random rnd, BigInteger n) {
        return new BigInteger(256, rnd).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
    }

    private static Integer read(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            int v = Integer.parseInt(Files.readString(file, StandardCharsets.UTF_8).trim());
            return v >= 1 && v <= 1024 && Integer.bitCount(v) == 1 ? v : null;
        } catch (IOException | NumberFormatException e) {
            LOG.log(Level.INFO, "ignoring unreadable work-group size in " + file, e);
            return null;
        }
    }

    private static void write(Path file, int size) {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "localsize", ".tmp");
            Files.writeString(tmp, size + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.INFO, "could not cache the work-group size in " + file.getParent(), e);
        }
    }
}
