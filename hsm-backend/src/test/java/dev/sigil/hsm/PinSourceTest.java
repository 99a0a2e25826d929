package dev.sigil.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinSourceTest {

    @Test
    void file_withTrailingLineBreak_yieldsThePinOnly(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("pin");
        Files.writeString(f, "0000-1111\r\n");
        assertThat(new String(PinSource.parse("hsm.pin", "file:" + f).read(), StandardCharsets.UTF_8))
                .isEqualTo("0000-1111");
    }

    @Test
    void file_missing_namesThePathOnly(@TempDir Path dir) {
        PinSource p = PinSource.parse("hsm.pin", "file:" + dir.resolve("absent"));
        assertThatThrownBy(p::read).isInstanceOf(IllegalStateException.class).hasMessageContaining("absent");
    }

    @Test
    void env_setBySurefire_isRead() {
        assertThat(new String(PinSource.parse("hsm.pin", "env:SIGIL_TEST_HSM_PIN").read(), StandardCharsets.UTF_8))
                .isEqualTo(TestTokens.ENV_PIN);
    }

    @Test
    void env_unset_namesTheVariable() {
        PinSource p = PinSource.parse("hsm.pin", "env:SIGIL_SURELY_UNSET_PIN_VARIABLE");
        assertThatThrownBy(p::read).hasMessageContaining("SIGIL_SURELY_UNSET_PIN_VARIABLE");
    }
}
