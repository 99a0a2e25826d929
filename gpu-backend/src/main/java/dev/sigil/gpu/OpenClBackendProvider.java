package dev.sigil.gpu;

import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;

/** Makes the {@link OpenClBackend} when an OpenCL platform with a device is present. */
public final class OpenClBackendProvider implements BackendProvider {

    @Override
    public String id() {
        return OpenClBackend.ID;
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
