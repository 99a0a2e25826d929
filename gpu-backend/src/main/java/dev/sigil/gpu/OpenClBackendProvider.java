package dev.sigil.gpu;

import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.BackendSetting;
import java.util.List;

/** Makes the {@link OpenClBackend} when an OpenCL platform with a device is present. */
public final class OpenClBackendProvider implements BackendProvider {

    @Override
    public String id() {
        return OpenClBackend.ID;
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(new BackendSetting("deviceTypes", "a list of gpu, accelerator, cpu", OpenClBackendProvider::types,
                        "device types to use, in order of preference (default gpu,accelerator,cpu)"),
                BackendSetting.text("cacheDir", "compiled kernels (default <data-dir>/cache/opencl)"),
                BackendSetting.integer("chunkItems", 1, 1 << 24, "items per kernel launch (default 16384)"),
                new BackendSetting("localSize", "a power of two in [1, 1024]",
                        v -> v instanceof Integer i && i >= 1 && i <= 1024 && Integer.bitCount(i) == 1,
                        "work-group size (default: chosen per device by a timed probe, cached)"),
                BackendSetting.flag("int128", "128-bit products on CPU devices (default true)"));
    }

    private static boolean types(Object v) {
        try {
            return (v instanceof String || v instanceof List) && !Devices.parseTypes(v.toString()).isEmpty();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public boolean isAvailable(BackendContext context) {
        return context.flag("enabled", true) && Devices.anyPresent();
    }

    @Override
    public Backend create(BackendContext context) {
        return OpenClBackend.open(context);
    }
}
