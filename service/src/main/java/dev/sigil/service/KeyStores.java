package dev.sigil.service;

import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.config.ServiceConfig;
import dev.sigil.service.keys.KeyService;
import dev.sigil.service.keys.KeyStoreFailure;
import dev.sigil.service.keys.Passphrases;
import dev.sigil.service.keys.SoftwareKeyStore;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/** Opens the software key store under the data directory; a store that cannot be opened leaves the service
 * running but not ready. */
final class KeyStores {
    private static final Logger LOG = Logger.getLogger(KeyStores.class.getName());
    static final String KEYS_DIR = "keys";

    private KeyStores() {
    }

    static KeyService open(ServiceConfig config, Path dataDir, Map<String, String> env, BackendRegistry registry) {
        char[] passphrase = new char[0];
        try {
            passphrase = Passphrases.resolve(config.keys(), dataDir, env);
            SoftwareKeyStore store = SoftwareKeyStore.open(dataDir.resolve(KEYS_DIR), passphrase,
                    config.keys().pbkdf2Iterations());
            LOG.info("software key store: " + store.list().size() + " keys in " + dataDir.resolve(KEYS_DIR));
            return new KeyService(Optional.of(store), null, registry);
        } catch (KeyStoreFailure e) {
            LOG.severe("software key store not loaded: " + e.getMessage());
            return new KeyService(Optional.empty(), e.getMessage(), registry);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }
}
