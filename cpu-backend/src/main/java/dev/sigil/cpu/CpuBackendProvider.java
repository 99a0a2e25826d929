package dev.sigil.cpu;

import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.BackendSetting;
import java.util.List;

/** Always available: the CPU backend needs nothing but the JVM. Setting {@code threads} overrides the count. */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String id() {
        return CpuBackend.ID;
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(BackendSetting.integer("threads", 1, 4096, "verify threads (default server.backendThreads)"));
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
