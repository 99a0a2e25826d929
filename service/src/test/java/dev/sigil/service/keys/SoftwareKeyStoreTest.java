package dev.sigil.service.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.cpu.CpuKeys;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
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
        SigningKey.Software key = CpuKeys.generate("validator-1", Scheme.ECDSA_SECP256K1);
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
        store.put(CpuKeys.generate("k", Scheme.ED25519));
        assertThatThrownBy(() -> SoftwareKeyStore.open(dir, "two".toCharArray(), ITERATIONS))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("passphrase")
                .hasMessageNotContaining("two");
    }

    @Test
    void open_withDamagedKeyFiles_loadsTheOthers_andNamesEachDamagedFile() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        for (String id : java.util.List.of("swapped", "flipped", "truncated", "emptied", "intact-1", "intact-2")) {
            store.put(CpuKeys.generate(id, Scheme.SM2));
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
        assertThatThrownBy(() -> reopened.put(CpuKeys.generate("flipped", Scheme.SM2)))
                .isInstanceOf(IllegalStateException.class);
    }

    static void flipOneBitOfTheSealedKey(Path file) throws Exception {
        io.vertx.core.json.JsonObject json = new io.vertx.core.json.JsonObject(Files.readString(file));
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
        store.put(CpuKeys.generate("x", Scheme.ECDSA_P256));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("keystore.json",
                    "x.key");
        }
    }

    @Test
    void oddButValidKeyIds_stayInsideTheStore_andSurviveReopening() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        java.util.List<String> ids = java.util.List.of(".", "..", "-", "a.key", "keystore", "x".repeat(64));
        for (String id : ids) {
            store.put(CpuKeys.generate(id, Scheme.ED25519));
        }
        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        assertThat(reopened.list().stream().map(SigningKey::keyId)).containsExactlyInAnyOrderElementsOf(ids);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".key"))).hasSize(ids.size());
        }
        assertThat(Files.exists(dir.getParent().resolve(".key"))).isFalse();
    }
}
