package dev.sigil.service.keys;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Software keys under a directory, one file per key, the private part sealed with AES-256-GCM under a key derived
 * from the store passphrase with PBKDF2-HMAC-SHA256. Each key file carries its own derivation parameters (salt,
 * iteration count; as an EIP-2335 keystore does), bounded on read, so a key file opens with the passphrase alone.
 * New keys take the store's parameters from {@code keystore.json}, which also holds a sealed check value that tells
 * a wrong passphrase from a damaged key file; a start derives once per distinct parameter set, not once per key.
 * Files of the first format (no parameters of their own, those of a version 1 {@code keystore.json}) are still read.
 * Writes are atomic; {@code .tmp-*.part} files a crash left behind are removed when the store opens.
 *
 * <p>Keys load one by one: a key file that cannot be read (damaged, truncated, empty, not a key file at all) is
 * logged and reported by name ({@link #damagedFiles()}) and the other keys are used; its key id is never taken by a
 * new key. The store as a whole fails to open only when its directory or {@code keystore.json} cannot be used; a
 * missing or damaged {@code keystore.json} next to key files is such a failure, never re-created.
 */
public final class SoftwareKeyStore {
    static final String META = "keystore.json";
    static final String SUFFIX = ".key";
    /** A key file is a few hundred bytes; anything past this is not one (and is not read). */
    private static final long MAX_FILE_BYTES = 64 * 1024;
    private static final String CHECK_AAD = "sigil-keystore/1/check";
    private static final PrivateKeyMaterial.Access ACCESS = new PrivateKeyMaterial.Access("software key store");
    private static final Logger LOG = Logger.getLogger(SoftwareKeyStore.class.getName());

    private final Path dir;
    private final KdfParameters kdf;
    private final KeyStoreCipher cipher;
    private final ConcurrentSkipListMap<String, SigningKey.Software> keys = new ConcurrentSkipListMap<>();
    /** File name → why it was not loaded. */
    private final ConcurrentSkipListMap<String, String> damaged = new ConcurrentSkipListMap<>();

    private SoftwareKeyStore(Path dir, KdfParameters kdf, KeyStoreCipher cipher) {
        this.dir = dir;
        this.kdf = kdf;
        this.cipher = cipher;
    }

    /** Opens (or, in a directory without key files, creates) the store and decrypts every key that can be read. */
    public static SoftwareKeyStore open(Path dir, char[] passphrase, int newStoreIterations) {
        try {
            AtomicFiles.createPrivateDirectories(dir);
            AtomicFiles.removeLeftovers(dir);
            Path meta = dir.resolve(META);
            KdfParameters kdf = Files.exists(meta) ? readMeta(meta) : createMeta(dir, passphrase, newStoreIterations);
            Map<String, KeyStoreCipher> ciphers = new HashMap<>();
            KeyStoreCipher cipher = checked(meta, kdf.derive(passphrase));
            ciphers.put(cacheKey(kdf), cipher);
            SoftwareKeyStore store = new SoftwareKeyStore(dir, kdf, cipher);
            store.loadAll(passphrase, ciphers);
            return store;
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot read the key store in " + dir + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static KdfParameters createMeta(Path dir, char[] passphrase, int iterations) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            if (files.iterator().hasNext()) {
                throw new KeyStoreFailure(META + " is missing from " + dir + ", which holds key files: restore it "
                        + "from a backup (it is never re-created next to existing keys)");
            }
        }
        KdfParameters kdf = KdfParameters.fresh(iterations);
        KeyStoreCipher cipher = kdf.derive(passphrase);
        JsonObject json = new JsonObject().put("version", 2).put("kdf", kdf.toJson())
                .put("check", Hex.encode(cipher.seal(KeyStoreCipher.randomBytes(32), CHECK_AAD)));
        AtomicFiles.write(dir.resolve(META), json.encodePrettily().getBytes(StandardCharsets.UTF_8));
        return kdf;
    }

    /** The store's parameters from {@code keystore.json} (version 2, or version 1 with them at the top). */
    private static KdfParameters readMeta(Path meta) throws IOException {
        try {
            if (Files.size(meta) > MAX_FILE_BYTES) {
                throw new KeyStoreFailure("too large");
            }
            JsonObject json = new JsonObject(Files.readString(meta, StandardCharsets.UTF_8));
            Integer version = json.getInteger("version");
            if (version == null || version < 1 || version > 2) {
                throw new KeyStoreFailure("unknown version " + version);
            }
            return version == 1 ? KdfParameters.fromVersion1(json) : KdfParameters.fromJson(json.getJsonObject("kdf"));
        } catch (RuntimeException e) {
            String why = e instanceof KeyStoreFailure ? e.getMessage() : e.getClass().getSimpleName();
            throw new KeyStoreFailure(meta + " is damaged (" + why + "): restore it from a backup (it is never "
                    + "re-created)");
        }
    }

    /** The cipher, once the check value of {@code keystore.json} opens with it (else the passphrase is wrong). */
    private static KeyStoreCipher checked(Path meta, KeyStoreCipher cipher) throws IOException {
        String check;
        try {
            check = new JsonObject(Files.readString(meta, StandardCharsets.UTF_8)).getString("check");
            cipher.open(Hex.decode("check", check), CHECK_AAD);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("the key store passphrase does not open " + meta);
        } catch (RuntimeException e) {
            throw new KeyStoreFailure(meta + " is damaged (no check value: " + e.getClass().getSimpleName()
                    + "): restore it from a backup (it is never re-created)");
        }
    }

    private static String cacheKey(KdfParameters kdf) {
        return Hex.encode(kdf.salt()) + "/" + kdf.iterations();
    }

    private void loadAll(char[] passphrase, Map<String, KeyStoreCipher> ciphers) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    SigningKey.Software key = read(f, params -> ciphers.computeIfAbsent(cacheKey(params),
                            k -> params.derive(passphrase)));
                    keys.put(key.keyId(), key);
                } catch (KeyStoreFailure e) {
                    damaged.put(name, e.getMessage());
                    LOG.warning("key file " + name + " not loaded: " + e.getMessage() + " (the other keys are used)");
                }
            }
        }
    }

    /**
     * Reads one key file: version 2 (its own {@code crypto.kdf}, the sealed key in {@code crypto.cipher.message}) or
     * version 1 (the store's parameters, the sealed key in {@code sealed}).
     */
    private SigningKey.Software read(Path file, Function<KdfParameters, KeyStoreCipher> ciphers) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyStoreFailure(name + " is too large to be a key file");
            }
            JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            String keyId = json.getString("keyId");
            if (!KeyIds.isValid(keyId)) {
                throw new KeyStoreFailure(name + " holds a key id that is not allowed");
            }
            Scheme scheme = Scheme.fromWire(json.getString("scheme")).orElseThrow();
            PublicKey pub = PublicKey.parse(scheme, Hex.decode("publicKey", json.getString("publicKey")));
            JsonObject crypto = json.getJsonObject("crypto");
            byte[] sealed;
            KeyStoreCipher opener;
            if (crypto != null) {
                JsonObject sealedWith = crypto.getJsonObject("cipher");
                if (!"aes-256-gcm".equals(sealedWith.getString("function"))) {
                    throw new KeyStoreFailure(name + ": the cipher is not aes-256-gcm");
                }
                opener = ciphers.apply(KdfParameters.fromJson(crypto.getJsonObject("kdf")));
                sealed = Hex.decode("message", sealedWith.getString("message"));
            } else {
                opener = cipher;
                sealed = Hex.decode("sealed", json.getString("sealed"));
            }
            byte[] secret = opener.open(sealed, aad(keyId, pub));
            PrivateKeyMaterial material = PrivateKeyMaterial.of(secret);
            Arrays.fill(secret, (byte) 0);
            if (!name.equals(keyId + SUFFIX)) {
                throw new KeyStoreFailure(name + " holds key " + keyId + ", not the key its name says");
            }
            return new SigningKey.Software(keyId, pub, material);
        } catch (GeneralSecurityException e) {
            throw new KeyStoreFailure("cannot decrypt " + name + " (damaged, or sealed under another passphrase)");
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot read " + name + ": " + e.getClass().getSimpleName());
        } catch (KeyStoreFailure e) {
            throw e.getMessage().startsWith(name) ? e : new KeyStoreFailure(name + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new KeyStoreFailure(name + " is damaged or not a key file: " + e.getClass().getSimpleName());
        }
    }

    /** The key files that could not be loaded, by file name, with the reason (never a secret). */
    public Map<String, String> damagedFiles() {
        return Map.copyOf(damaged);
    }

    /** Why the key file of this key id could not be loaded, if it exists and could not. */
    public Optional<String> damage(String keyId) {
        return Optional.ofNullable(damaged.get(keyId + SUFFIX));
    }

    private static String aad(String keyId, PublicKey pub) {
        return "sigil-key/1/" + keyId + "/" + pub.scheme().wireName() + "/" + Hex.encode(pub.encoded());
    }

    public Optional<SigningKey.Software> get(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public List<SigningKey.Software> list() {
        return List.copyOf(keys.values());
    }

    /**
     * Stores a new key durably (a version 2 file with the store's derivation parameters); the caller made sure the
     * id is free.
     *
     * @throws IllegalArgumentException for the key ids {@code .} and {@code ..}, or one outside the key id pattern
     */
    public synchronized void put(SigningKey.Software key) {
        if (!KeyIds.isValid(key.keyId())) {
            throw new IllegalArgumentException("key id not allowed");
        }
        if (keys.containsKey(key.keyId()) || damaged.containsKey(key.keyId() + SUFFIX)) {
            throw new IllegalStateException("key id is taken");
        }
        byte[] secret = key.privateKey().reveal(ACCESS);
        try {
            JsonObject crypto = new JsonObject().put("kdf", kdf.toJson()).put("cipher", new JsonObject()
                    .put("function", "aes-256-gcm")
                    .put("message", Hex.encode(cipher.seal(secret, aad(key.keyId(), key.publicKey())))));
            JsonObject json = new JsonObject().put("version", 2).put("keyId", key.keyId())
                    .put("scheme", key.scheme().wireName()).put("publicKey", Hex.encode(key.publicKey().encoded()))
                    .put("crypto", crypto);
            AtomicFiles.write(dir.resolve(key.keyId() + SUFFIX), json.encodePrettily().getBytes(StandardCharsets.UTF_8));
            keys.put(key.keyId(), key);
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot write key " + key.keyId() + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
