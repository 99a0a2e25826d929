package dev.sigil.gpu;

import static org.jocl.CL.CL_FALSE;
import static org.jocl.CL.CL_KERNEL_WORK_GROUP_SIZE;
import static org.jocl.CL.CL_MEM_COPY_HOST_PTR;
import static org.jocl.CL.CL_MEM_READ_ONLY;
import static org.jocl.CL.CL_MEM_WRITE_ONLY;
import static org.jocl.CL.clCreateBuffer;
import static org.jocl.CL.clCreateCommandQueue;
import static org.jocl.CL.clCreateContext;
import static org.jocl.CL.clCreateKernel;
import static org.jocl.CL.clEnqueueNDRangeKernel;
import static org.jocl.CL.clEnqueueReadBuffer;
import static org.jocl.CL.clEnqueueWriteBuffer;
import static org.jocl.CL.clFlush;
import static org.jocl.CL.clGetKernelWorkGroupInfo;
import static org.jocl.CL.clReleaseContext;
import static org.jocl.CL.clReleaseEvent;
import static org.jocl.CL.clReleaseMemObject;
import static org.jocl.CL.clReleaseProgram;
import static org.jocl.CL.clSetKernelArg;
import static org.jocl.CL.clWaitForEvents;

import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_event;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.jocl.cl_program;

/**
 * One OpenCL device: its context, the programs of every scheme (built once, binaries cached; the secp256k1 one also
 * holds public-key recovery's kernel), the base-point tables in
 * device memory, and {@link #SLOTS} pipeline slots, each with its own queue and reused buffers. A batch runs as
 * chunks that alternate between the slots, so the host packs chunk c+1 while the device computes chunk c and
 * the results of chunk c-1 come back. Chunks are sized to fit the device's allocation limit.
 */
final class DeviceWorker implements AutoCloseable {
    static final int SLOTS = 2;
    static final int DEFAULT_LOCAL_SIZE = 64;
    /** {@code localSize} that asks for the timed probe (the setting absent). */
    static final int PROBE = 0;

    private final DeviceInfo info;
    private final cl_context context;
    private final Map<Scheme, cl_program> programs = new EnumMap<>(Scheme.class);
    private final Map<Scheme, cl_mem> tables = new EnumMap<>(Scheme.class);
    private final List<PipelineSlot> slots = new ArrayList<>();
    private int chunkItems;
    private int localSize;
    private long deviceBytes;

    private DeviceWorker(DeviceInfo info, cl_context context) {
        this.info = info;
        this.context = context;
    }

    /** Opens the device with chunks of about {@code requestedChunk} items and work-groups of {@code localSize}. */
    static DeviceWorker open(DeviceInfo info, ProgramBuilder builder, int requestedChunk, int localSize) {
        return open(info, builder, requestedChunk, localSize, KernelSources.options(info, true));
    }

    /**
     * As above, with explicit program build options. {@code localSize} {@link #PROBE} chooses the work-group size
     * by a timed probe ({@link LocalSizeProbe}), cached beside the program binaries in {@code cacheDir}.
     */
    static DeviceWorker open(DeviceInfo info, ProgramBuilder builder, int requestedChunk, int localSize,
            String options) {
        if (localSize != PROBE && (localSize < 1 || Integer.bitCount(localSize) != 1)) {
            throw new IllegalArgumentException("localSize must be a power of two, got " + localSize);
        }
        cl_context context = clCreateContext(null, 1, new cl_device_id[] {info.id()}, null, null, null);
        DeviceWorker w = new DeviceWorker(info, context);
        try {
            for (Scheme s : Scheme.values()) {
                w.programs.put(s, builder.build(context, info, KernelSources.program(s), options));
                int[] table = BaseTables.of(s);
                w.deviceBytes += (long) table.length * Integer.BYTES;
                w.tables.put(s, clCreateBuffer(context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                        (long) table.length * Integer.BYTES, Pointer.to(table), null));
            }
            w.localSize = localSize != PROBE ? localSize : LocalSizeProbe.choose(context, info,
                    w.programs.get(Scheme.ECDSA_SECP256K1), w.tables.get(Scheme.ECDSA_SECP256K1),
                    LocalSizeProbe.cacheFile(builder.cacheDir(), info, options), DEFAULT_LOCAL_SIZE);
            long perItem = (long) KernelSources.MAX_INPUT_WORDS * Integer.BYTES;
            int fit = (int) Math.min(Integer.MAX_VALUE / perItem, info.maxAlloc() / perItem);
            w.chunkItems = Math.max(w.localSize, Math.min(requestedChunk, fit) / w.localSize * w.localSize);
            for (int i = 0; i < SLOTS; i++) {
                w.slots.add(new PipelineSlot(context, info.id(), w.programs, w.chunkItems, w.localSize));
                w.deviceBytes += PipelineSlot.deviceBytes(w.chunkItems);
            }
            return w;
        } catch (RuntimeException e) {
            w.close();
            throw e;
        }
    }

    DeviceInfo info() {
        return info;
    }

    /** Bytes of device memory allocated for this device: tables and the slots' input and output buffers. */
    synchronized long deviceBytes() {
        return deviceBytes;
    }

    int chunkItems() {
        return chunkItems;
    }

    /** The work-group size the kernels run with: the setting's, or the probe's choice. */
    int localSize() {
        return localSize;
    }

    /** The device still reports itself available (a cheap query; false if the query itself fails). */
    boolean isAvailable() {
        try {
            int[] v = new int[1];
            org.jocl.CL.clGetDeviceInfo(info.id(), org.jocl.CL.CL_DEVICE_AVAILABLE, Sizeof.cl_int, Pointer.to(v),
                    null);
            return v[0] != 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Runs the items {@code idx} of the batch and returns one kernel result code per item. */
    synchronized byte[] run(VerifyBatch batch, int[] idx) {
        Scheme scheme = batch.scheme();
        byte[] codes = new byte[idx.length];
        int chunks = (idx.length + chunkItems - 1) / chunkItems;
        try {
            for (int c = 0; c < chunks; c++) {
                PipelineSlot slot = slots.get(c % SLOTS);
                slot.collect(codes);
                int from = c * chunkItems;
                int len = Math.min(chunkItems, idx.length - from);
                slot.submit(scheme, tables.get(scheme), batch, idx, from, len);
            }
        } finally {
            for (PipelineSlot slot : slots) {
                slot.collect(codes);
            }
        }
        return codes;
    }

    /**
     * Recovers the items {@code idx} of the batch (recover.cl): one kernel result code per item into {@code codes},
     * and for each valid item i its x ‖ y at {@code 64*i} of {@code points}. Chunks alternate between the slots as
     * verification's do.
     */
    synchronized void runRecover(RecoverBatch batch, int[] idx, byte[] codes, byte[] points) {
        cl_mem table = tables.get(KernelSources.RECOVERABLE);
        int chunks = (idx.length + chunkItems - 1) / chunkItems;
        try {
            for (int c = 0; c < chunks; c++) {
                PipelineSlot slot = slots.get(c % SLOTS);
                slot.collectRecovered(idx, codes, points);
                int from = c * chunkItems;
                int len = Math.min(chunkItems, idx.length - from);
                slot.submitRecover(table, batch, idx, from, len);
            }
        } finally {
            for (PipelineSlot slot : slots) {
                slot.collectRecovered(idx, codes, points);
            }
        }
    }

    @Override
    public synchronized void close() {
        for (PipelineSlot slot : slots) {
            slot.release();
        }
        slots.clear();
        tables.values().forEach(m -> clReleaseMemObject(m));
        tables.clear();
        programs.values().forEach(p -> clReleaseProgram(p));
        programs.clear();
        clReleaseContext(context);
    }

    /** One queue with its reused host and device buffers and the chunk in flight. */
    private static final class PipelineSlot {
        private final org.jocl.cl_command_queue queue;
        private final Map<Scheme, cl_kernel> kernels = new EnumMap<>(Scheme.class);
        private final Map<Scheme, Long> localSizes = new EnumMap<>(Scheme.class);
        private final int localSize;
        private final cl_mem in;
        private final cl_mem out;
        private final java.nio.ByteBuffer hostIn;
        private final java.nio.ByteBuffer hostOut;
        private cl_event done;
        private int doneFrom;
        private int doneLen;
        // Public-key recovery: its kernel, output buffers and chunk in flight (see runRecover).
        private final cl_kernel recoverKernel;
        private final long recoverLocalSize;
        private final cl_mem recoverOut;
        private final java.nio.ByteBuffer hostRecoverOut;
        private cl_event recoverDone;
        private int recoverFrom;
        private int recoverLen;
        private int recoverStride;

        PipelineSlot(cl_context context, cl_device_id device, Map<Scheme, cl_program> programs, int chunk,
                int localSize) {
            this.localSize = localSize;
            queue = clCreateCommandQueue(context, device, 0, null);
            for (Map.Entry<Scheme, cl_program> e : programs.entrySet()) {
                cl_kernel k = clCreateKernel(e.getValue(), KernelSources.kernelName(e.getKey()), null);
                kernels.put(e.getKey(), k);
                long[] wg = new long[1];
                clGetKernelWorkGroupInfo(k, device, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(wg), null);
                localSizes.put(e.getKey(), fit(localSize, wg[0]));
            }
            long inBytes = inputBytes(chunk);
            in = clCreateBuffer(context, CL_MEM_READ_ONLY, inBytes, null, null);
            out = clCreateBuffer(context, CL_MEM_WRITE_ONLY, chunk, null, null);
            hostIn = java.nio.ByteBuffer.allocateDirect((int) inBytes).order(java.nio.ByteOrder.nativeOrder());
            hostOut = java.nio.ByteBuffer.allocateDirect(chunk);
            recoverKernel = clCreateKernel(programs.get(KernelSources.RECOVERABLE), KernelSources.RECOVER_KERNEL, null);
            long[] wg = new long[1];
            clGetKernelWorkGroupInfo(recoverKernel, device, CL_KERNEL_WORK_GROUP_SIZE, Sizeof.size_t, Pointer.to(wg),
                    null);
            recoverLocalSize = fit(localSize, wg[0]);
            long recoverBytes = (long) KernelSources.RECOVER_OUT_WORDS * Integer.BYTES * chunk;
            recoverOut = clCreateBuffer(context, CL_MEM_WRITE_ONLY, recoverBytes, null, null);
            hostRecoverOut = java.nio.ByteBuffer.allocateDirect((int) recoverBytes)
                    .order(java.nio.ByteOrder.nativeOrder());
        }

        /**
         * The work-group size for a kernel: the configured one, or the largest power of two the kernel allows when
         * that is less (the configured size is a power of two, so either divides the padded chunk; the kernels'
         * {@code __local} scratch is sized for it).
         */
        static long fit(int localSize, long kernelMax) {
            return kernelMax >= localSize ? localSize : Long.highestOneBit(Math.max(1L, kernelMax));
        }

        void submitRecover(cl_mem table, RecoverBatch batch, int[] idx, int from, int len) {
            int stride = (len + localSize - 1) / localSize * localSize;
            BatchPacker.packRecover(batch, idx, from, len, stride, hostIn.asIntBuffer());
            long bytes = (long) KernelSources.RECOVER_IN_WORDS * Integer.BYTES * stride;
            clEnqueueWriteBuffer(queue, in, CL_FALSE, 0, bytes, Pointer.to(hostIn), 0, null, null);
            clSetKernelArg(recoverKernel, 0, Sizeof.cl_mem, Pointer.to(in));
            clSetKernelArg(recoverKernel, 1, Sizeof.cl_mem, Pointer.to(table));
            clSetKernelArg(recoverKernel, 2, Sizeof.cl_mem, Pointer.to(recoverOut));
            clSetKernelArg(recoverKernel, 3, Sizeof.cl_uint, Pointer.to(new int[] {len}));
            clSetKernelArg(recoverKernel, 4, Sizeof.cl_uint, Pointer.to(new int[] {stride}));
            clSetKernelArg(recoverKernel, 5, KernelSources.scratchBytes(recoverLocalSize), null);
            clEnqueueNDRangeKernel(queue, recoverKernel, 1, null, new long[] {stride}, new long[] {recoverLocalSize},
                    0, null, null);
            cl_event ev = new cl_event();
            long outBytes = (long) KernelSources.RECOVER_OUT_WORDS * Integer.BYTES * stride;
            clEnqueueReadBuffer(queue, recoverOut, CL_FALSE, 0, outBytes, Pointer.to(hostRecoverOut), 0, null, ev);
            clFlush(queue);
            recoverDone = ev;
            recoverFrom = from;
            recoverLen = len;
            recoverStride = stride;
        }

        /** Waits for the recovery chunk in flight, if any, and copies its codes and points out. */
        void collectRecovered(int[] idx, byte[] codes, byte[] points) {
            if (recoverDone == null) {
                return;
            }
            cl_event ev = recoverDone;
            recoverDone = null;
            try {
                clWaitForEvents(1, new cl_event[] {ev});
                BatchPacker.unpackRecovered(hostRecoverOut.asIntBuffer(), idx, recoverFrom, recoverLen,
                        recoverStride, codes, points);
            } finally {
                clReleaseEvent(ev);
            }
        }

        static long inputBytes(int chunk) {
            return (long) KernelSources.MAX_INPUT_WORDS * Integer.BYTES * chunk;
        }

        static long deviceBytes(int chunk) {
            return inputBytes(chunk) + chunk;
        }

        void submit(Scheme scheme, cl_mem table, VerifyBatch batch, int[] idx, int from, int len) {
            int stride = (len + localSize - 1) / localSize * localSize;
            BatchPacker.pack(batch, idx, from, len, stride, hostIn.asIntBuffer());
            long bytes = (long) KernelSources.inputWords(scheme) * Integer.BYTES * stride;
            clEnqueueWriteBuffer(queue, in, CL_FALSE, 0, bytes, Pointer.to(hostIn), 0, null, null);
            cl_kernel k = kernels.get(scheme);
            clSetKernelArg(k, 0, Sizeof.cl_mem, Pointer.to(in));
            clSetKernelArg(k, 1, Sizeof.cl_mem, Pointer.to(table));
            clSetKernelArg(k, 2, Sizeof.cl_mem, Pointer.to(out));
            clSetKernelArg(k, 3, Sizeof.cl_uint, Pointer.to(new int[] {len}));
            clSetKernelArg(k, 4, Sizeof.cl_uint, Pointer.to(new int[] {stride}));
            long local = localSizes.get(scheme);
            if (KernelSources.sharesInversions(scheme)) {
                clSetKernelArg(k, 5, KernelSources.scratchBytes(local), null);
            }
            clEnqueueNDRangeKernel(queue, k, 1, null, new long[] {stride}, new long[] {local}, 0, null, null);
            cl_event ev = new cl_event();
            clEnqueueReadBuffer(queue, out, CL_FALSE, 0, len, Pointer.to(hostOut), 0, null, ev);
            clFlush(queue);
            done = ev;
            doneFrom = from;
            doneLen = len;
        }

        /** Waits for the chunk in flight, if any, and copies its result codes out. */
        void collect(byte[] codes) {
            if (done == null) {
                return;
            }
            cl_event ev = done;
            done = null;
            try {
                clWaitForEvents(1, new cl_event[] {ev});
                hostOut.get(0, codes, doneFrom, doneLen);
            } finally {
                clReleaseEvent(ev);
            }
        }

        void release() {
            if (recoverDone != null) {
                try {
                    clWaitForEvents(1, new cl_event[] {recoverDone});
                } catch (RuntimeException ignored) {
                    // the device is being released anyway
                }
                clReleaseEvent(recoverDone);
                recoverDone = null;
            }
            org.jocl.CL.clReleaseKernel(recoverKernel);
            clReleaseMemObject(recoverOut);
            if (done != null) {
                try {
                    clWaitForEvents(1, new cl_event[] {done});
                } catch (RuntimeException ignored) {
                    // the device is being released anyway
                }
                clReleaseEvent(done);
                done = null;
            }
            kernels.values().forEach(k -> org.jocl.CL.clReleaseKernel(k));
            clReleaseMemObject(in);
            clReleaseMemObject(out);
            org.jocl.CL.clReleaseCommandQueue(queue);
        }
    }
}
