package dev.sigil.cpu;

import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.BackendSetting;
import java.nio.file.Path;
import java.util.List;

/**
 * Always available: the CPU backend needs nothing but the JVM (a native library that does not load is replaced by
 * Bouncy Castle). Settings: {@code threads} (default: the context's), {@code engine} ({@code auto} or
 * {@code bouncycastle}), {@code secp256k1Library} (a system libsecp256k1 instead of the bundled one),
 * {@code cacheDir} (where the bundled library is extracted; default {@code <dataDir>/cache/native}).
 */
public final class CpuBackendProvider implements BackendProvider {
    @Override
    public String id() {
        return CpuBackend.ID;
    }

    @Override
    public List<BackendSetting> settings() {
        return List.of(BackendSetting.integer("threads", 1, 4096, "verify threads (default server.backendThreads)"),
                new BackendSetting("engine", "auto or bouncycastle",
                        v -> v instanceof String s && List.of("auto", "bouncycastle").contains(s.toLowerCase(java.util.Locale.ROOT)),
                        "auto: native engines where they load; bouncycastle: the reference for every scheme"),
                BackendSetting.text("secp256k1Library", "a system libsecp256k1 to use instead of the bundled one"),
                BackendSetting.text("cacheDir", "where the bundled native library is extracted (default "
                        + "<dataDir>/cache/native)"));
    }

    @Override
    public boolean isAvailable(BackendContext context) {
        return true;
    }

    @Override
    public Backend create(BackendContext context) {
        Engines.Options options = new Engines.Options(
                Engines.Choice.parse(context.string("engine").orElse("auto")),
                context.string("cacheDir").map(Path::of).orElse(context.dataDir().resolve("cache").resolve("native")),
                context.string("secp256k1Library").map(Path::of).orElse(null));
        return new CpuBackend(context.integer("threads", context.threads()), options);
    }
}
