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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.logging.Logger;

/**
 * Software keys under a directory, one file per key, the private part sealed with AES-256-GCM under a key derived
 * from the store passphrase (PBKDF2-HMAC-SHA256; salt and iteration count in {@code keystore.json}, with a sealed
 * check value that tells a wrong passphrase from a damaged key file). Writes are atomic.
 *
 * <p>Keys load one by one: a key file that cannot be read (damaged, truncated, empty, not a key file at all) is
 * logged and reported by name ({@link #damagedFiles()}) and the other keys are used; its key id is never taken by a
 * new key. The store as a whole fails to open only when its directory or {@code keystore.json} cannot be used.
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
    private final KeyStoreCipher cipher;
    private final ConcurrentSkipListMap<String, SigningKey.Software> keys = new ConcurrentSkipListMap<>();
    /** File name → why it was not loaded. */
    private final ConcurrentSkipListMap<String, String> damaged = new ConcurrentSkipListMap<>();

    private SoftwareKeyStore(Path dir, KeyStoreCipher cipher) {
        this.dir = dir;
        this.cipher = cipher;
    }

    /** Opens (or creates) the store and decrypts every key in it that can be read. */
    public static SoftwareKeyStore open(Path dir, char[] passphrase, int newStoreIterations) {
        try {
            AtomicFiles.createPrivateDirectories(dir);
            SoftwareKeyStore store = new SoftwareKeyStore(dir, cipherFor(dir.resolve(META), passphrase,
                    newStoreIterations));
            store.loadAll();
            return store;
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot read the key store in " + dir + ": " + e.getClass().getSimpleName(),
                    e);
        }
    }

    private static KeyStoreCipher cipherFor(Path meta, char[] passphrase, int iterations) throws IOException {
        if (!Files.exists(meta)) {
            byte[] salt = KeyStoreCipher.randomBytes(16);
            KeyStoreCipher cipher = KeyStoreCipher.derive(passphrase, salt, iterations);
            JsonObject json = new JsonObject().put("version", 1).put("kdf", "PBKDF2WithHmacSHA256")
                    .put("iterations", iterations).put("salt", Hex.encode(salt))
                    .put("check", Hex.encode(cipher.seal(KeyStoreCipher.randomBytes(32), CHECK_AAD)));
            AtomicFiles.write(meta, json.encodePrettily().getBytes(StandardCharsets.UTF_8));
            return cipher;
        }
        JsonObject json;
        try {
            json = new JsonObject(Files.readString(meta, StandardCharsets.UTF_8));
            KeyStoreCipher cipher = KeyStoreCipher.derive(passphrase, Hex.decode("salt", json.getString("salt")),
                    json.getInteger("iterations"));
            try {
                cipher.open(Hex.decode("check", json.getString("check")), CHECK_AAD);
            } catch (GeneralSecurityException e) {
                throw new KeyStoreFailure("the key store passphrase does not open " + meta);
            }
            return cipher;
        } catch (RuntimeException e) {
            if (e instanceof KeyStoreFailure f) {
                throw f;
            }
            throw new KeyStoreFailure(meta + " is damaged: " + e.getClass().getSimpleName());
        }
    }

    private void loadAll() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    SigningKey.Software key = read(f);
                    keys.put(key.keyId(), key);
                } catch (KeyStoreFailure e) {
                    damaged.put(name, e.getMessage());
                    LOG.warning("key file " + name + " not loaded: " + e.getMessage() + " (the other keys are used)");
                }
            }
        }
    }

    private SigningKey.Software read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyStoreFailure(name + " is too large to be a key file");
            }
            JsonObject json = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            String keyId = json.getString("keyId");
            Scheme scheme = Scheme.fromWire(json.getString("scheme")).orElseThrow();
            PublicKey pub = PublicKey.parse(scheme, Hex.decode("publicKey", json.getString("publicKey")));
            byte[] secret = cipher.open(Hex.decode("sealed", json.getString("sealed")), aad(keyId, pub));
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
        } catch (RuntimeException e) {
            if (e instanceof KeyStoreFailure f) {
                throw f;
            }
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

    /** Stores a new key durably; the caller made sure the id is free. */
    public synchronized void put(SigningKey.Software key) {
        if (keys.containsKey(key.keyId()) || damaged.containsKey(key.keyId() + SUFFIX)) {
            throw new IllegalStateException("key id is taken");
        }
        byte[] secret = key.privateKey().reveal(ACCESS);
        try {
            JsonObject json = new JsonObject().put("version", 1).put("keyId", key.keyId())
                    .put("scheme", key.scheme().wireName()).put("publicKey", Hex.encode(key.publicKey().encoded()))
                    .put("sealed", Hex.encode(cipher.seal(secret, aad(key.keyId(), key.publicKey()))));
            AtomicFiles.write(dir.resolve(key.keyId() + SUFFIX), json.encodePrettily().getBytes(StandardCharsets.UTF_8));
            keys.put(key.keyId(), key);
        } catch (IOException e) {
            throw new KeyStoreFailure("cannot write key " + key.keyId() + ": " + e.getClass().getSimpleName(), e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
