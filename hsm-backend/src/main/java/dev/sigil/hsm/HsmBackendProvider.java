package dev.sigil.hsm;

import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the {@code hsm} backend from the {@code hsm:} section of the service configuration (see {@link HsmConfig}).
 * Available only when that section names a readable PKCS #11 module; {@link #create} fails with
 * {@link BackendException.Unavailable} and a message naming the problem (bad field, missing module or token,
 * wrong PIN) and never the PIN.
 */
public final class HsmBackendProvider implements BackendProvider {

    @Override
    public String id() {
        return HsmBackend.ID;
    }

    @Override
    public boolean isAvailable(BackendContext context) {
        return context.setting("module").filter(m -> m instanceof String s && !s.isBlank())
                .map(m -> Files.isReadable(Path.of((String) m)))
                .orElse(false);
    }

    @Override
    public Backend create(BackendContext context) {
        if (context.settings().isEmpty()) {
            throw new BackendException.Unavailable(HsmBackend.ID,
                    "not configured: the service configuration has no hsm: section", null);
        }
        HsmConfig config;
        try {
            config = HsmConfig.parse(context.settings());
        } catch (IllegalArgumentException e) {
            throw new BackendException.Unavailable(HsmBackend.ID, "invalid configuration: " + e.getMessage(), null);
        }
        return HsmBackend.open(config);
    }
}
