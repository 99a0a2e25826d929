package dev.sigil.service.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareKeyStoreTest {
    private static final PrivateKeyMaterial.Access TEST = new PrivateKeyMaterial.Access("key store test");
    private static final int ITERATIONS = 10_000;

    @TempDir
    Path dir;

    @Test
    void keys_surviveReopening_withTheSamePrivateKey_andAreNotStoredInClear() throws Exception {
        char[] pass = "correct horse".toCharArray();
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, pass, ITERATIONS);
        SigningKey.Software key = SoftwareKeys.generate("validator-1", Scheme.ECDSA_SECP256K1);
        store.put(key);
        byte[] secret = key.privateKey().reveal(TEST);
        String file = Files.readString(dir.resolve("validator-1.key"), StandardCharsets.UTF_8);
        assertThat(file).doesNotContainIgnoringCase(Hex.encode(secret));
        assertThat(new String(Files.readAllBytes(dir.resolve("validator-1.key")), StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(secret, StandardCharsets.ISO_8859_1));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("validator-1.key"))))
                .isEqualTo("rw-------");

        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "correct horse".toCharArray(), ITERATIONS);
        SigningKey.Software back = reopened.get("validator-1").orElseThrow();
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
        assertThat(back.privateKey().reveal(TEST)).isEqualTo(secret);
        assertThat(back.toString()).doesNotContain(Hex.encode(secret));
    }

    @Test
    void open_withAnotherPassphrase_fails_withoutRevealingIt() {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "one".toCharArray(), ITERATIONS);
        store.put(SoftwareKeys.generate("k", Scheme.ED25519));
        assertThatThrownBy(() -> SoftwareKeyStore.open(dir, "two".toCharArray(), ITERATIONS))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("passphrase")
                .hasMessageNotContaining("two");
    }

    @Test
    void open_withDamagedKeyFiles_loadsTheOthers_andNamesEachDamagedFile() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        for (String id : java.util.List.of("swapped", "flipped", "truncated", "emptied", "intact-1", "intact-2")) {
            store.put(SoftwareKeys.generate(id, Scheme.SM2));
        }
        String pubIntact = Hex.encode(store.get("intact-1").orElseThrow().publicKey().encoded());
        String pubSwapped = Hex.encode(store.get("swapped").orElseThrow().publicKey().encoded());
        Path swapped = dir.resolve("swapped.key");
        Files.writeString(swapped, Files.readString(swapped).replace(pubSwapped, pubIntact));
        flipOneBitOfTheSealedKey(dir.resolve("flipped.key"));
        byte[] whole = Files.readAllBytes(dir.resolve("truncated.key"));
        Files.write(dir.resolve("truncated.key"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(dir.resolve("emptied.key"), new byte[0]);
        Files.writeString(dir.resolve("README.key"), "Keys of the validators live here.\n");

        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);

        assertThat(reopened.list().stream().map(SigningKey::keyId)).containsExactly("intact-1", "intact-2");
        assertThat(reopened.damagedFiles()).containsOnlyKeys("swapped.key", "flipped.key", "truncated.key",
                "emptied.key", "README.key");
        assertThat(reopened.damage("flipped")).hasValueSatisfying(m -> assertThat(m).contains("flipped.key"));
        assertThat(reopened.damage("intact-1")).isEmpty();
        assertThatThrownBy(() -> reopened.put(SoftwareKeys.generate("flipped", Scheme.SM2)))
                .isInstanceOf(IllegalStateException.class);
    }

    static void flipOneBitOfTheSealedKey(Path file) throws Exception {
        JsonObject json = new JsonObject(Files.readString(file));
        String field = json.containsKey("crypto") ? "crypto" : "sealed";
        String text = Files.readString(file);
        String sealed = field.equals("sealed") ? json.getString("sealed")
                : json.getJsonObject("crypto").getJsonObject("cipher").getString("message");
        byte[] bytes = Hex.decode("sealed", sealed);
        bytes[bytes.length / 2] ^= 1;
        Files.writeString(file, text.replace(sealed, Hex.encode(bytes)));
    }

    @Test
    void put_leavesNoTemporaryFiles() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        store.put(SoftwareKeys.generate("x", Scheme.ECDSA_P256));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keystore.json",
                    "x.key");
        }
    }

    @Test
    void oddButValidKeyIds_stayInsideTheStore_andSurviveReopening() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        java.util.List<String> ids = java.util.List.of("...", ".a", "-", "a.key", "keystore", "x".repeat(64));
        for (String id : ids) {
            store.put(SoftwareKeys.generate(id, Scheme.ED25519));
        }
        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        assertThat(reopened.list().stream().map(SigningKey::keyId)).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(reopened.damagedFiles()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".key"))).hasSize(ids.size());
        }
        assertThat(Files.exists(dir.getParent().resolve(".key"))).isFalse();
    }

    @Test
    void keyIdsDotAndDotDot_areRejected_byTheStoreAndTheApi() {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        java.util.List<String> accepted = new java.util.ArrayList<>();
        for (String id : java.util.List.of(".", "..")) {
            try {
                store.put(SoftwareKeys.generate(id, Scheme.ED25519));
                accepted.add("store: " + id);
            } catch (IllegalArgumentException expected) {
                // refused
            }
            try {
                KeyService.checkKeyId(id);
                accepted.add("api: " + id);
            } catch (RequestException e) {
                if (e.code() != ErrorCode.INVALID_REQUEST || e.code().status() != 400) {
                    accepted.add("api: " + id + " answered " + e.code());
                }
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(store.list()).isEmpty();
    }

    @Test
    void keyFile_carriesItsOwnKdfParameters_andOpensInAStoreWithAnotherSalt() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        SigningKey.Software key = SoftwareKeys.generate("portable", Scheme.ECDSA_SECP256K1);
        store.put(key);
        JsonObject kdf = new JsonObject(Files.readString(dir.resolve("portable.key"))).getJsonObject("crypto")
                .getJsonObject("kdf");
        assertThat(kdf.getString("function")).isEqualTo("pbkdf2");
        assertThat(kdf.getJsonObject("params").getInteger("c")).isEqualTo(ITERATIONS);
        assertThat(Hex.decode("salt", kdf.getJsonObject("params").getString("salt"))).hasSize(16);

        Path other = dir.resolveSibling(dir.getFileName() + "-other");
        SoftwareKeyStore.open(other, "p".toCharArray(), 20_000);
        Files.copy(dir.resolve("portable.key"), other.resolve("portable.key"));
        SoftwareKeyStore reopened = SoftwareKeyStore.open(other, "p".toCharArray(), 20_000);
        assertThat(reopened.damagedFiles()).isEmpty();
        assertThat(reopened.get("portable").orElseThrow().privateKey().reveal(TEST))
                .isEqualTo(key.privateKey().reveal(TEST));
    }

    @Test
    void iterationCountsOutOfBounds_areRefusedBeforeAnyDerivation() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        store.put(SoftwareKeys.generate("bounded", Scheme.ED25519));
        store.put(SoftwareKeys.generate("hostile", Scheme.ED25519));
        Path hostile = dir.resolve("hostile.key");
        Files.writeString(hostile, Files.readString(hostile).replace("\"c\" : " + ITERATIONS, "\"c\" : 2000000000"));
        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        assertThat(reopened.get("bounded")).isPresent();
        assertThat(reopened.damage("hostile")).hasValueSatisfying(m -> assertThat(m).contains("hostile.key")
                .contains("iterations"));

        Path meta = dir.resolve("keystore.json");
        Files.writeString(meta, Files.readString(meta).replace("\"c\" : " + ITERATIONS,
                "\"c\" : " + (KdfParameters.MAX_ITERATIONS + 1)));
        assertThatThrownBy(() -> SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("keystore.json")
                .hasMessageContaining("iterations");
    }

    @Test
    void metadataMissing_nextToKeyFiles_isAnError_andIsNotRecreated() {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        store.put(SoftwareKeys.generate("kept", Scheme.ECDSA_P256));
        assertThat(dir.resolve("keystore.json").toFile().delete()).isTrue();
        assertThatThrownBy(() -> SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("keystore.json")
                .hasMessageContaining("missing").hasMessageContaining("restore");
        assertThat(dir.resolve("keystore.json")).doesNotExist();
        assertThat(dir.resolve("kept.key")).exists();
    }

    @Test
    void metadataDamaged_isAnError_andIsNotRecreated() throws Exception {
        SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS).put(SoftwareKeys.generate("kept", Scheme.ED25519));
        java.util.List<String> accepted = new java.util.ArrayList<>();
        for (String damaged : java.util.List.of("", "{\"version\": 2", "{\"version\": 7}", "[]",
                "{\"version\": 2, \"kdf\": {\"function\": \"scrypt\"}}")) {
            Files.writeString(dir.resolve("keystore.json"), damaged);
            try {
                SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
                accepted.add(damaged);
            } catch (KeyStoreFailure e) {
                if (!e.getMessage().contains("damaged") || !e.getMessage().contains("restore")) {
                    accepted.add(damaged + ": " + e.getMessage());
                }
            }
            if (!Files.readString(dir.resolve("keystore.json")).equals(damaged)) {
                accepted.add(damaged + ": rewritten");
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void leftoverTemporaryFiles_areRemovedWhenTheStoreOpens() throws Exception {
        SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS).put(SoftwareKeys.generate("k", Scheme.ED25519));
        Files.writeString(dir.resolve(".tmp-1234.part"), "half a key");
        Files.writeString(dir.resolve(".tmp-99.part"), "");
        Files.writeString(dir.resolve("notes.txt"), "kept");
        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keystore.json",
                    "k.key", "notes.txt");
        }
        assertThat(reopened.get("k")).isPresent();
    }

    @Test
    void firstFormatStore_isStillRead_andNewKeysGetTheirOwnParameters() throws Exception {
        char[] pass = "old".toCharArray();
        byte[] salt = KeyStoreCipher.randomBytes(16);
        KeyStoreCipher cipher = KeyStoreCipher.derive(pass, salt, ITERATIONS);
        Files.writeString(dir.resolve("keystore.json"), new JsonObject().put("version", 1)
                .put("kdf", "PBKDF2WithHmacSHA256").put("iterations", ITERATIONS).put("salt", Hex.encode(salt))
                .put("check", Hex.encode(cipher.seal(KeyStoreCipher.randomBytes(32), "sigil-keystore/1/check")))
                .encodePrettily());
        SigningKey.Software old = SoftwareKeys.generate("old-1", Scheme.ECDSA_P256);
        String pub = Hex.encode(old.publicKey().encoded());
        Files.writeString(dir.resolve("old-1.key"), new JsonObject().put("version", 1).put("keyId", "old-1")
                .put("scheme", "ecdsa-p256").put("publicKey", pub).put("sealed", Hex.encode(cipher.seal(
                        old.privateKey().reveal(TEST), "sigil-key/1/old-1/ecdsa-p256/" + pub))).encodePrettily());

        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "old".toCharArray(), 20_000);
        assertThat(store.get("old-1").orElseThrow().privateKey().reveal(TEST)).isEqualTo(old.privateKey().reveal(TEST));
        store.put(SoftwareKeys.generate("new-1", Scheme.ECDSA_P256));
        assertThat(new JsonObject(Files.readString(dir.resolve("new-1.key"))).getJsonObject("crypto")
                .getJsonObject("kdf").getJsonObject("params").getInteger("c")).isEqualTo(ITERATIONS);
        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "old".toCharArray(), 20_000);
        assertThat(reopened.list().stream().map(SigningKey::keyId)).containsExactly("new-1", "old-1");
    }
}
