package dev.sigil.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.service.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private ServiceConfig load(String yaml) throws Exception {
        Path f = dir.resolve("sigil.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    @Test
    void noFile_givesTheDocumentedDefaults() {
        ServiceConfig c = ServiceConfig.defaults();
        assertThat(c.server().host()).isEqualTo("127.0.0.1");
        assertThat(c.server().port()).isEqualTo(8080);
        assertThat(c.server().maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(c.server().maxBatchItems()).isEqualTo(100_000);
        assertThat(c.auth().verifyOpen()).isTrue();
        assertThat(c.auth().tokens()).isEmpty();
        assertThat(c.keys().passphrase()).isEmpty();
        assertThat(c.hsm()).isEmpty();
    }

    @Test
    void edgeLimits_haveTheirDefaults_andAreRead_andBounded() throws Exception {
        ServiceConfig.Limits d = ServiceConfig.defaults().server().limits();
        assertThat(d.maxSignBodyBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(d.maxKeysBodyBytes()).isEqualTo(16L * 1024);
        assertThat(d.maxBodyBytesInFlight()).isEqualTo(ServiceConfig.defaultMaxBodyBytesInFlight());
        assertThat(d.headerTimeoutMs()).isEqualTo(10_000);
        assertThat(d.bodyTimeoutMs()).isEqualTo(60_000);
        assertThat(d.idleTimeoutMs()).isEqualTo(60_000);
        assertThat(d.maxConnections()).isEqualTo(1024);
        assertThat(d.allowHalfClosure()).isTrue();
        assertThat(ServiceConfig.defaults().auth().opsOpen()).isTrue();
        ServiceConfig c = load("""
                server: {maxSignBodyBytes: 2048, maxKeysBodyBytes: 1024, maxBodyBytesInFlight: 1000000,
                         headerTimeoutMs: 500, bodyTimeoutMs: 700, idleTimeoutMs: 0, maxConnections: 7,
                         allowHalfClosure: false}
                auth: {opsOpen: false}
                """);
        assertThat(c.server().limits()).isEqualTo(new ServiceConfig.Limits(2048, 1024, 1_000_000, 500, 700, 0, 7,
                false));
        assertThat(c.auth().opsOpen()).isFalse();
        assertThatThrownBy(() -> load("server: {headerTimeoutMs: 10}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.headerTimeoutMs");
        assertThatThrownBy(() -> load("server: {maxConnections: 0}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("server.maxConnections");
        assertThatThrownBy(() -> load("auth: {opsOpen: maybe}")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.opsOpen");
    }

    @Test
    void aFullFile_isRead() throws Exception {
        ServiceConfig c = load("""
                server: {host: 0.0.0.0, port: 9000, maxBodyBytes: 1048576, maxBatchItems: 5000, workerThreads: 3,
                         queueCapacity: 10, shutdownGraceSeconds: 5}
                auth:
                  verifyOpen: false
                  tokens:
                    - name: ops
                      sha256: %s
                      roles: [sign, admin]
                      keys: ["validator-*"]
                keys: {passphrase: "env:SIGIL_KEYS", pbkdf2Iterations: 20000}
                backends:
                  opencl: {enabled: false, device: 1}
                hsm: {module: /usr/lib/softhsm/libsofthsm2.so, tokenLabel: sigil, pin: "env:HSM_PIN"}
                """.formatted("ab".repeat(32)));
        assertThat(c.server().port()).isEqualTo(9000);
        assertThat(c.server().workerThreads()).isEqualTo(3);
        assertThat(c.auth().tokens().getFirst().roles()).containsExactlyInAnyOrder(Role.SIGN, Role.ADMIN);
        assertThat(c.keys().passphrase().orElseThrow().toString()).isEqualTo("env:SIGIL_KEYS");
        assertThat(c.backend("opencl").enabled()).isFalse();
        assertThat(c.backend("opencl").settings()).isEqualTo(Map.of("device", 1));
        assertThat(c.hsm().orElseThrow()).containsEntry("tokenLabel", "sigil");
    }

    @Test
    void unknownFieldsAndBadValues_stopTheStart_namingTheField() {
        assertThatThrownBy(() -> load("server: {prot: 1}")).hasMessageContaining("server.prot");
        assertThatThrownBy(() -> load("serve: {}")).hasMessageContaining("serve");
        assertThatThrownBy(() -> load("server: {port: 70000}")).hasMessageContaining("server.port");
        assertThatThrownBy(() -> load("server: {port: eighty}")).hasMessageContaining("server.port");
        assertThatThrownBy(() -> load("server: {maxBatchItems: 0}")).hasMessageContaining("server.maxBatchItems");
        assertThatThrownBy(() -> load("auth: {verifyOpen: maybe}")).hasMessageContaining("auth.verifyOpen");
        assertThatThrownBy(() -> load("auth: {tokens: [{name: a, sha256: abcd, roles: [sign]}]}"))
                .hasMessageContaining("auth.tokens[0].sha256");
        assertThatThrownBy(() -> load("auth: {tokens: [{name: a, sha256: %s, roles: [root]}]}"
                .formatted("ab".repeat(32)))).hasMessageContaining("auth.tokens[0].roles");
        assertThatThrownBy(() -> load("auth: {tokens: [{name: a, sha256: %s, roles: [sign], extra: 1}]}"
                .formatted("ab".repeat(32)))).hasMessageContaining("auth.tokens[0].extra");
        assertThatThrownBy(() -> load("keys: {passphrase: hunter2}")).hasMessageContaining("keys.passphrase")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load("server: [1, 2]")).hasMessageContaining("server");
        assertThatThrownBy(() -> load("server: {port: 1}\nserver: {port: 2}")).isInstanceOf(ConfigException.class);
    }

    @Test
    void secretRefs_readEnvironmentAndFiles() throws Exception {
        Path f = dir.resolve("pass");
        Files.writeString(f, "from-file\n");
        assertThat(SecretRef.parse("x", "file:" + f).resolve(Map.of())).isEqualTo("from-file".toCharArray());
        assertThat(SecretRef.parse("x", "env:P").resolve(Map.of("P", "v"))).isEqualTo("v".toCharArray());
        assertThatThrownBy(() -> SecretRef.parse("x", "env:P").resolve(Map.of())).hasMessageContaining("P");
    }

    @Test
    void theExampleFile_isValid_andStatesTheDefaults() {
        Path example = Path.of("config", "sigil.example.yaml");
        ServiceConfig c = ConfigLoader.load(example);
        ServiceConfig d = ServiceConfig.defaults();
        assertThat(c.server()).isEqualTo(d.server());
        assertThat(c.auth()).isEqualTo(d.auth());
        assertThat(c.keys()).isEqualTo(d.keys());
        assertThat(c.routing()).isEqualTo(d.routing());
        assertThat(c.backend("cpu").enabled()).isTrue();
    }
}
