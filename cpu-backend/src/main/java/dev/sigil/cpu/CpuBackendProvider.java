package dev.sigil.cpu;

import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;

/** Always available: the CPU backend needs nothing but the JVM. Setting {@code threads} overrides the count. */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String id() {
        return CpuBackend.ID;
    }

    @Override
    public boolean isAvailable(BackendContext context) {
        return true;
    }

    @Override
    public Backend create(BackendContext context) {
        return new CpuBackend(context.integer("threads", context.threads()));
    }
}
