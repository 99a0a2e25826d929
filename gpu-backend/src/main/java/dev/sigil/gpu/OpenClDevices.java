package dev.sigil.gpu;

import static org.jocl.CL.CL_PLATFORM_NAME;
import static org.jocl.CL.clGetPlatformInfo;

import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_platform_id;

/**
 * The OpenCL platforms and devices of the machine, one by one, for checking a machine ({@code sigil gpu-check}):
 * list them, and open an {@link OpenClBackend} on one device alone.
 */
public final class OpenClDevices {

    /** One device as its driver reports it; {@code index} is its place in {@link #list()}. */
    public record Device(int index, String platform, String platformVersion, String name, String vendor,
            String driverVersion, String type, int computeUnits, long globalMemBytes, long maxAllocBytes) {
    }

    private final List<DeviceInfo> infos;
    private final List<Device> devices;

    private OpenClDevices(List<DeviceInfo> infos) {
        this.infos = List.copyOf(infos);
        List<Device> out = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            DeviceInfo d = infos.get(i);
            out.add(new Device(i, platformName(d.platform()), d.platformVersion(), d.name(), d.vendor(),
                    d.driverVersion(), d.type(), d.computeUnits(), d.globalMem(), d.maxAlloc()));
        }
        this.devices = List.copyOf(out);
    }

    /**
     * Every device of every platform (GPUs first).
     *
     * @throws BackendException.Unavailable when OpenCL cannot be loaded (no {@code libOpenCL.so}, no platform)
     */
    public static OpenClDevices find() {
        String why = Devices.unavailableReason();
        if (why != null) {
            throw new BackendException.Unavailable(OpenClBackend.ID, why, null);
        }
        try {
            return new OpenClDevices(Devices.find(Devices.DEFAULT_TYPES));
        } catch (CLException | LinkageError e) {
            throw new BackendException.Unavailable(OpenClBackend.ID, "OpenCL is not usable: " + e.getMessage(), e);
        }
    }

    public List<Device> list() {
        return devices;
    }

    /**
     * A backend on this one device, its programs built (or loaded from {@code cacheDir} of the settings).
     *
     * @throws BackendException.Unavailable when the device cannot be opened; a program that does not compile gives
     *     the compiler's build log in the message
     */
    public OpenClBackend open(Device device, BackendContext context) {
        return OpenClBackend.open(context, List.of(infos.get(device.index())));
    }

    private static String platformName(cl_platform_id platform) {
        long[] size = new long[1];
        clGetPlatformInfo(platform, CL_PLATFORM_NAME, 0, null, size);
        byte[] b = new byte[(int) size[0]];
        clGetPlatformInfo(platform, CL_PLATFORM_NAME, b.length, Pointer.to(b), null);
        return new String(b, StandardCharsets.UTF_8).replace("\0", "").trim();
    }
}
