package dev.sigil.cpu;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.conformance.ConformanceSuite;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import org.junit.jupiter.api.AfterAll;

/** The CPU backend with {@code engine: bouncycastle} (the reference everywhere) against the conformance suite. */
class CpuBouncyCastleConformanceTest extends ConformanceSuite {
    private static final CpuBackend BACKEND = new CpuBackend(2,
            new Engines.Options(Engines.Choice.BOUNCYCASTLE, EngineDifferentialTest.CACHE, null));

    @AfterAll
    static void close() {
        BACKEND.close();
    }

    @Override
    protected Backend backend() {
        return BACKEND;
    }

    @Override
    protected Signer signer() {
        return BACKEND;
    }

    @Override
    protected SigningKey.Software newKey(Scheme scheme) {
        return SoftwareKeys.generate("conformance-" + scheme.wireName(), scheme);
    }
}
