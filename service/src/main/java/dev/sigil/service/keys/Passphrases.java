package dev.sigil.service.keys;

import dev.sigil.crypto.Hex;
import dev.sigil.service.config.ConfigException;
import dev.sigil.service.config.ServiceConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The passphrase of the software key store: from the configured reference, or else from a random passphrase file
 * under the data directory that is created (owner-only) on first start.
 */
public final class Passphrases {
    private static final Logger LOG = Logger.getLogger(Passphrases.class.getName());
    public static final String GENERATED_FILE = "keystore.passphrase";

    private Passphrases() {
    }

    public static char[] resolve(ServiceConfig.Keys keys, Path dataDir, Map<String, String> env) {
        if (keys.passphrase().isPresent()) {
            try {
                return keys.passphrase().get().resolve(env);
            } catch (ConfigException e) {
                throw new ConfigException("keys.passphrase: " + e.getMessage());
            }
        }
        Path file = dataDir.resolve(GENERATED_FILE);
        try {
            if (!Files.exists(file)) {
                AtomicFiles.createPrivateDirectories(dataDir);
                byte[] random = KeyStoreCipher.randomBytes(32);
                AtomicFiles.write(file, (Hex.encode(random) + "\n").getBytes(StandardCharsets.US_ASCII));
                LOG.warning("no keys.passphrase configured: created a random passphrase in " + file + " (mode 0600)");
            }
            LOG.warning("software keys are encrypted with the generated passphrase in " + file + ": whoever reads "
                    + "the data directory can decrypt them; configure keys.passphrase (env:NAME or file:/path) "
                    + "to keep it elsewhere");
            String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (value.isEmpty()) {
                throw new KeyStoreFailure("passphrase file " + file + " is empty");
            }
            return value.toCharArray();
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot read or create the passphrase file " + file, e);
        }
    }
}
