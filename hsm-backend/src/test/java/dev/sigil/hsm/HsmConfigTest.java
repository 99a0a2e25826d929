package dev.sigil.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Scheme;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HsmConfigTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> m = new HashMap<>();
        m.put("module", "/usr/lib/softhsm/libsofthsm2.so");
        m.put("tokenLabel", "sigil");
        m.put("pin", "env:SIGIL_HSM_PIN");
        return m;
    }

    @Test
    void parse_minimal_appliesDefaults() {
        HsmConfig c = HsmConfig.parse(minimal());
        assertThat(c.module()).isEqualTo(Path.of("/usr/lib/softhsm/libsofthsm2.so"));
        assertThat(c.tokenLabel()).isEqualTo("sigil");
        assertThat(c.pin()).isEqualTo(new PinSource.Env("SIGIL_HSM_PIN"));
        assertThat(c.sessions()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        assertThat(c.mechanisms()).isEmpty();
        assertThat(c.verify()).isFalse();
        assertThat(c.sessionKeyCopies()).isFalse();
    }

    @Test
    void parse_everyField_isRead() {
        Map<String, Object> m = minimal();
        m.put("pin", "file:/run/secrets/hsm-pin");
        m.put("sessions", 6);
        m.put("mechanisms", Map.of("sm2", 0x80000000L, "ecdsa-p256", "0x1041", "ed25519", "4183"));
        m.put("verify", true);
        m.put("sessionKeyCopies", true);
        HsmConfig c = HsmConfig.parse(m);
        assertThat(c.pin()).isEqualTo(new PinSource.File(Path.of("/run/secrets/hsm-pin")));
        assertThat(c.sessions()).isEqualTo(6);
        assertThat(c.mechanisms()).containsExactlyInAnyOrderEntriesOf(Map.of(Scheme.SM2, 0x80000000L,
                Scheme.ECDSA_P256, 0x1041L, Scheme.ED25519, 4183L));
        assertThat(c.verify()).isTrue();
        assertThat(c.sessionKeyCopies()).isTrue();
    }

    @Test
    void parse_unknownField_isRejectedByName() {
        Map<String, Object> m = minimal();
        m.put("slot", 0);
        assertThatThrownBy(() -> HsmConfig.parse(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hsm.slot");
    }

    @Test
    void parse_literalPin_isRefusedWithoutEchoingIt() {
        Map<String, Object> m = minimal();
        m.put("pin", "123456-secret");
        assertThatThrownBy(() -> HsmConfig.parse(m)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hsm.pin").hasMessageContaining("env:NAME or file:/path")
                .hasMessageNotContaining("123456-secret");
    }

    @Test
    void parse_badValues_nameTheirField() {
        assertThat(rejection("sessions", 0)).contains("hsm.sessions");
        assertThat(rejection("sessions", "many")).contains("hsm.sessions");
        assertThat(rejection("verify", "yes")).contains("hsm.verify");
        assertThat(rejection("sessionKeyCopies", 1)).contains("hsm.sessionKeyCopies");
        assertThat(rejection("mechanisms", Map.of("sm3", 1))).contains("hsm.mechanisms.sm3");
        assertThat(rejection("mechanisms", Map.of("schnorr-secp256k1", 1))).contains("hsm.mechanisms.schnorr-secp256k1")
                .contains("BIP-340");
        assertThat(rejection("mechanisms", Map.of("sm2", "vendor"))).contains("hsm.mechanisms.sm2");
        assertThat(rejection("mechanisms", Map.of("sm2", 0x1_0000_0000L))).contains("hsm.mechanisms.sm2");
        assertThat(rejection("mechanisms", "sm2")).contains("hsm.mechanisms");
        assertThat(rejection("module", 42)).contains("hsm.module");
        assertThat(rejection("pin", "env:")).contains("hsm.pin");
        assertThat(rejection("pin", "env:NOT-A-NAME")).contains("hsm.pin");
    }

    @Test
    void parse_missingRequiredField_namesIt() {
        for (String field : new String[] {"module", "tokenLabel", "pin"}) {
            Map<String, Object> m = minimal();
            m.remove(field);
            assertThatThrownBy(() -> HsmConfig.parse(m)).as(field).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("hsm." + field);
        }
    }

    @Test
    void toString_namesThePinSourceOnly() {
        assertThat(HsmConfig.parse(minimal()).toString()).contains("env:SIGIL_HSM_PIN");
    }

    private static String rejection(String field, Object value) {
        Map<String, Object> m = minimal();
        m.put(field, value);
        try {
            HsmConfig.parse(m);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return "accepted";
    }
}
