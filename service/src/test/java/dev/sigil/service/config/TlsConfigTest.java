package dev.sigil.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsConfigTest {
    @TempDir
    Path dir;

    private ServiceConfig load(String yaml) throws Exception {
        Path f = dir.resolve("sigil.yaml");
        Files.writeString(f, yaml);
        return ConfigLoader.load(f);
    }

    @Test
    void noTlsSection_meansPlainHttp_andTokensRefusedOffLoopback() {
        ServiceConfig d = ServiceConfig.defaults();
        assertThat(d.server().tls()).isEmpty();
        assertThat(d.server().allowPlaintextTokens()).isFalse();
    }

    @Test
    void aFullSection_isRead() throws Exception {
        String fp = "AB:".repeat(31) + "AB";
        TlsConfig t = load("""
                server:
                  allowPlaintextTokens: true
                  tls:
                    certFile: /etc/sigil/tls.crt
                    keyFile: /etc/sigil/tls.key
                    password: env:SIGIL_TLS_PASSWORD
                    protocols: [TLSv1.3]
                    cipherSuites: [TLS_AES_128_GCM_SHA256]
                    clientAuth: require
                    clientCaFile: /etc/sigil/clients.crt
                    clientFingerprints: ["%s"]
                    reloadCheckSeconds: 0
                """.formatted(fp)).server().tls().orElseThrow();
        assertThat(t.certFile()).contains(Path.of("/etc/sigil/tls.crt"));
        assertThat(t.password().orElseThrow().toString()).isEqualTo("env:SIGIL_TLS_PASSWORD");
        assertThat(t.protocols()).containsExactly("TLSv1.3");
        assertThat(t.clientAuth()).isEqualTo(TlsConfig.ClientAuth.REQUIRE);
        assertThat(t.clientFingerprints()).containsExactly("ab".repeat(32));
        assertThat(t.reloadCheckSeconds()).isZero();
    }

    @Test
    void defaults_ofTheSection() throws Exception {
        TlsConfig t = load("server: {tls: {pkcs12File: /etc/sigil/tls.p12}}").server().tls().orElseThrow();
        assertThat(t.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(t.cipherSuites()).isEmpty();
        assertThat(t.clientAuth()).isEqualTo(TlsConfig.ClientAuth.NONE);
        assertThat(t.reloadCheckSeconds()).isEqualTo(10);
        assertThat(t.password()).isEmpty();
    }

    /** The commented {@code server.tls} block of the example file, uncommented, is valid and states the defaults. */
    @Test
    void theExamplesTlsBlock_isValid_andStatesTheDefaults() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("config", "sigil.example.yaml"));
        StringBuilder yaml = new StringBuilder("server:\n");
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("  # tls:")) {
                inside = true;
            } else if (inside && !line.startsWith("  #   ")) {
                break;
            }
            if (inside) {
                yaml.append(line.replaceFirst("^  # ", "  ")).append('\n');
            }
        }
        TlsConfig example = load(yaml.toString()).server().tls().orElseThrow();
        TlsConfig defaults = load("server: {tls: {certFile: /etc/sigil/tls/server.crt, keyFile: /etc/sigil/tls/server.key}}")
                .server().tls().orElseThrow();
        assertThat(example).isEqualTo(defaults);
    }

    @Test
    void badValues_stopTheStart_namingTheField() {
        String pem = "certFile: /a.crt, keyFile: /a.key";
        List<String[]> cases = List.of(
                new String[] {"{" + pem + ", clientAuth: sometimes}", "server.tls.clientAuth"},
                new String[] {"{" + pem + ", clientAuth: true}", "server.tls.clientAuth"},
                new String[] {"{" + pem + ", protocols: [TLSv1.1]}", "server.tls.protocols"},
                new String[] {"{" + pem + ", protocols: [TLSv1, TLSv1.2]}", "server.tls.protocols"},
                new String[] {"{" + pem + ", protocols: []}", "server.tls.protocols"},
                new String[] {"{keyFile: /a.key}", "server.tls.certFile"},
                new String[] {"{certFile: /a.crt}", "server.tls.keyFile"},
                new String[] {"{" + pem + ", pkcs12File: /a.p12}", "server.tls.pkcs12File"},
                new String[] {"{}", "server.tls.certFile"},
                new String[] {"{" + pem + ", clientAuth: require}", "server.tls.clientAuth"},
                new String[] {"{" + pem + ", clientCaFile: /ca.crt}", "server.tls.clientAuth"},
                new String[] {"{" + pem + ", clientAuth: request, clientFingerprints: [abcd]}",
                    "server.tls.clientFingerprints"},
                new String[] {"{" + pem + ", reloadCheckSeconds: -1}", "server.tls.reloadCheckSeconds"},
                new String[] {"{" + pem + ", certfile: /b.crt}", "server.tls.certfile"},
                new String[] {"{" + pem + ", password: hunter2}", "server.tls.password"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> load("server: {tls: " + c[0] + "}")).as(c[0])
                    .isInstanceOf(ConfigException.class).hasMessageContaining(c[1]).hasMessageNotContaining("hunter2");
        }
        assertThatThrownBy(() -> load("server: {allowPlaintextTokens: yes please}"))
                .hasMessageContaining("server.allowPlaintextTokens");
    }
}
