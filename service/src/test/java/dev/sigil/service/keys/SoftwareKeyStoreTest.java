package dev.sigil.service.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.spi.SoftwareKeys;
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
    void open_withATamperedKeyFile_fails() throws Exception {
        SoftwareKeyStore store = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        store.put(SoftwareKeys.generate("a", Scheme.SM2));
        store.put(SoftwareKeys.generate("b", Scheme.SM2));
        Path a = dir.resolve("a.key");
        String text = Files.readString(a);
        String pubB = store.get("b").orElseThrow().publicKey().toString().substring(4);
        String pubA = store.get("a").orElseThrow().publicKey().toString().substring(4);
        Files.writeString(a, text.replace(pubA, pubB));
        assertThatThrownBy(() -> SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS))
                .isInstanceOf(KeyStoreFailure.class).hasMessageContaining("a.key");
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
        java.util.List<String> ids = java.util.List.of(".", "..", "-", "a.key", "keystore", "x".repeat(64));
        for (String id : ids) {
            store.put(SoftwareKeys.generate(id, Scheme.ED25519));
        }
        SoftwareKeyStore reopened = SoftwareKeyStore.open(dir, "p".toCharArray(), ITERATIONS);
        assertThat(reopened.list().stream().map(SigningKey::keyId)).containsExactlyInAnyOrderElementsOf(ids);
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".key"))).hasSize(ids.size());
        }
        assertThat(Files.exists(dir.getParent().resolve(".key"))).isFalse();
    }
}
