package dev.sigil.gpu;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.spi.BackendContext;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * One OpenCL backend and one CPU reference backend for the whole test JVM (building the programs is the slow part).
 * Without an OpenCL device the tests skip, except under {@code CI=true}, where they fail.
 */
final class OpenClTestSupport {
    private static OpenClBackend backend;
    private static CpuBackend cpu;

    private OpenClTestSupport() {
    }

    /** The shared backend; skips (or fails in CI) when no OpenCL device is present. */
    static synchronized OpenClBackend backend() {
        requireDevice();
        if (backend == null) {
            backend = OpenClBackend.open(context());
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close));
        }
        return backend;
    }

    static synchronized CpuBackend cpu() {
        if (cpu == null) {
            cpu = new CpuBackend(Runtime.getRuntime().availableProcessors());
        }
        return cpu;
    }

    static BackendContext context() {
        return new BackendContext(Map.of("cacheDir", cacheDir().toString()), Path.of("target"), 2);
    }

    /** Program binaries survive between test runs in the build directory. */
    static Path cacheDir() {
        return Path.of("target", "opencl-cache").toAbsolutePath();
    }

    static void requireDevice() {
        String reason = Devices.unavailableReason();
        if (reason == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true and no usable OpenCL device: " + reason);
        }
        Assumptions.abort("no usable OpenCL device: " + reason);
    }
}
