package dev.sigil.gpu;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.conformance.ConformanceSuite;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;

/** The OpenCL backend (on PoCL in CI) against the shared conformance suite. */
class OpenClConformanceTest extends ConformanceSuite {

    @Override
    protected Backend backend() {
        return OpenClTestSupport.backend();
    }

    @Override
    protected Signer signer() {
        return OpenClTestSupport.cpu();
    }

    @Override
    protected SigningKey.Software newKey(Scheme scheme) {
        return SoftwareKeys.generate("conformance-" + scheme.wireName(), scheme);
    }
}
