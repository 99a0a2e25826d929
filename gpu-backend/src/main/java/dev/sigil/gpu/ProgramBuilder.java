package dev.sigil.gpu;

import static org.jocl.CL.CL_PROGRAM_BINARIES;
import static org.jocl.CL.CL_PROGRAM_BINARY_SIZES;
import static org.jocl.CL.CL_PROGRAM_BUILD_LOG;
import static org.jocl.CL.clBuildProgram;
import static org.jocl.CL.clCreateProgramWithBinary;
import static org.jocl.CL.clCreateProgramWithSource;
import static org.jocl.CL.clGetProgramBuildInfo;
import static org.jocl.CL.clGetProgramInfo;
import static org.jocl.CL.clReleaseProgram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_program;

/**
 * Builds a program for one device, once: the binary is cached on disk under a key hashing the source, the options,
 * the device and its driver, so a later start loads it instead of compiling again. A cache that cannot be read or
 * written only costs a compile. A build that fails raises {@link KernelBuildException} with the compiler's log.
 */
final class ProgramBuilder {
    private static final Logger LOG = Logger.getLogger(ProgramBuilder.class.getName());
    private final Path cacheDir;

    ProgramBuilder(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Where binaries (and {@link LocalSizeProbe}'s choices) are cached; null for none. */
    Path cacheDir() {
        return cacheDir;
    }

    cl_program build(cl_context context, DeviceInfo device, String source, String options) {
        Path file = cacheDir == null ? null : cacheDir.resolve(cacheKey(device, source, options) + ".bin");
        if (file != null && Files.isRegularFile(file)) {
            cl_program cached = fromBinary(context, device, file, options);
            if (cached != null) {
                return cached;
            }
        }
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program, device.id());
            clReleaseProgram(program);
            throw new KernelBuildException(device.name(), log, e);
        }
        if (file != null) {
            store(program, file);
        }
        return program;
    }

    private cl_program fromBinary(cl_context context, DeviceInfo device, Path file, String options) {
        try {
            byte[] binary = Files.readAllBytes(file);
            cl_program program = clCreateProgramWithBinary(context, 1, new cl_device_id[] {device.id()},
                    new long[] {binary.length}, new byte[][] {binary}, new int[1], null);
            try {
                clBuildProgram(program, 1, new cl_device_id[] {device.id()}, options, null, null);
                return program;
            } catch (CLException e) {
                clReleaseProgram(program);
                throw e;
            }
        } catch (IOException | CLException e) {
            LOG.log(Level.INFO, "ignoring unusable cached program binary " + file, e);
            return null;
        }
    }

    private static void store(cl_program program, Path file) {
        try {
            long[] sizes = new long[1];
            clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, Sizeof.size_t, Pointer.to(sizes), null);
            byte[] binary = new byte[(int) sizes[0]];
            clGetProgramInfo(program, CL_PROGRAM_BINARIES, Sizeof.POINTER, Pointer.to(Pointer.to(binary)), null);
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "program", ".tmp");
            Files.write(tmp, binary);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | CLException e) {
            LOG.log(Level.INFO, "could not cache the program binary in " + file.getParent(), e);
        }
    }

    static String buildLog(cl_program program, cl_device_id device) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] log = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, log.length, Pointer.to(log), null);
        return new String(log, StandardCharsets.UTF_8).replace("\0", "").trim();
    }

    static String cacheKey(DeviceInfo device, String source, String options) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {source, options, device.name(), device.vendor(), device.driverVersion(),
                    device.platformVersion()}) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
