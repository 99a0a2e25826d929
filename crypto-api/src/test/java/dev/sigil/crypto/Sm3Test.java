package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sm3Test {
    @Test
    void sm3_standardExample1_abc() {
        assertThat(Hex.encode(Sm3.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void sm3_standardExample2_abcd16() {
        String m = "abcd".repeat(16);
        assertThat(Hex.encode(Sm3.digest(m.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void sm3_incrementalUpdates_equalOneShot() {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Sm3 h = new Sm3();
        for (int off = 0; off < data.length; off += 37) {
            h.update(data, off, Math.min(37, data.length - off));
        }
        assertThat(h.doFinal()).isEqualTo(Sm3.digest(data));
    }
}
