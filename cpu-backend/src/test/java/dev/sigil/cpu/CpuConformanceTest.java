package dev.sigil.cpu;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.conformance.ConformanceSuite;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import org.junit.jupiter.api.AfterAll;

/**
 * The CPU backend with its default engines (libsecp256k1, AWS-LC, Bouncy Castle for SM2) against the shared
 * conformance suite, with 2 threads to exercise the parallel path.
 */
class CpuConformanceTest extends ConformanceSuite {
    private static final CpuBackend BACKEND = new CpuBackend(2,
            new Engines.Options(Engines.Choice.AUTO, EngineDifferentialTest.CACHE, null));

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
