package dev.sigil.cpu;

import dev.sigil.crypto.Scheme;
import dev.sigil.secp256k1.Secp256k1;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The engine serving each scheme, chosen once at start. {@link Choice#AUTO}: the fastest that loads (libsecp256k1
 * for secp256k1 ECDSA and BIP-340 Schnorr, AWS-LC for P-256 and Ed25519, Bouncy Castle for SM2 and wherever a native library does not load,
 * with one log line and a note in the device text); {@link Choice#BOUNCYCASTLE}: the reference everywhere.
 */
final class Engines implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Engines.class.getName());

    /** The {@code backends.cpu.engine} setting. */
    enum Choice {
        AUTO, BOUNCYCASTLE;

        static Choice parse(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "auto" -> AUTO;
                case "bouncycastle" -> BOUNCYCASTLE;
                default -> throw new IllegalArgumentException(
                        "backends.cpu.engine must be auto or bouncycastle, got '" + value + "'");
            };
        }
    }

    /** Where the native libraries come from. {@code secp256k1Library} null: the bundled one, extracted into cacheDir. */
    record Options(Choice choice, Path cacheDir, Path secp256k1Library) {
        static Options defaults() {
            return new Options(Choice.AUTO, defaultCacheDir(), null);
        }

        static Path defaultCacheDir() {
            return Path.of(System.getProperty("user.home"), ".cache", "sigil", "native");
        }
    }

    private final Map<Scheme, Engine> engines = new EnumMap<>(Scheme.class);
    private final List<String> fallbacks = new ArrayList<>();
    private final Secp256k1Engine secp256k1;

    Engines(Options options) {
        BouncyCastleEngine bc = new BouncyCastleEngine();
        for (Scheme s : Scheme.values()) {
            engines.put(s, bc);
        }
        Secp256k1Engine k1 = null;
        if (options.choice() == Choice.AUTO) {
            try {
                Secp256k1 lib = options.secp256k1Library() == null
                        ? Secp256k1.bundled(options.cacheDir())
                        : Secp256k1.open(options.secp256k1Library(), "libsecp256k1 (" + options.secp256k1Library() + ")");
                k1 = new Secp256k1Engine(lib, bc);
                engines.put(Scheme.ECDSA_SECP256K1, k1);
                engines.put(Scheme.SCHNORR_SECP256K1, k1);
            } catch (RuntimeException | LinkageError e) {
                fallback("ecdsa-secp256k1, schnorr-secp256k1", "libsecp256k1", e);
            }
            try {
                AwsLcEngine awsLc = AwsLcEngine.load(bc);
                engines.put(Scheme.ECDSA_P256, awsLc);
                engines.put(Scheme.ED25519, awsLc);
            } catch (RuntimeException | LinkageError e) {
                fallback("ecdsa-p256, ed25519", "AWS-LC (ACCP)", e);
            }
        }
        this.secp256k1 = k1;
    }

    private void fallback(String schemes, String library, Throwable e) {
        String note = schemes + " on Bouncy Castle: " + library + " did not load (" + e.getMessage() + ")";
        fallbacks.add(note);
        LOG.warning("cpu backend: " + note);
    }

    Engine engine(Scheme scheme) {
        return engines.get(scheme);
    }

    /** Each scheme with its library, then any fallback: e.g. {@code ecdsa-secp256k1: libsecp256k1 (...); ...}. */
    String describe() {
        Map<String, List<String>> byLibrary = new java.util.LinkedHashMap<>();
        for (Scheme s : Scheme.values()) {
            byLibrary.computeIfAbsent(engines.get(s).library(), k -> new ArrayList<>()).add(s.wireName());
        }
        List<String> parts = new ArrayList<>();
        byLibrary.forEach((lib, schemes) -> parts.add(String.join(", ", schemes) + ": " + lib));
        String text = String.join("; ", parts);
        return fallbacks.isEmpty() ? text : text + "; fallback: " + String.join("; ", fallbacks);
    }

    /** The fallbacks taken at start (empty when every preferred library loaded or Bouncy Castle was asked for). */
    List<String> fallbacks() {
        return List.copyOf(fallbacks);
    }

    @Override
    public void close() {
        if (secp256k1 != null) {
            secp256k1.close();
        }
    }
}
