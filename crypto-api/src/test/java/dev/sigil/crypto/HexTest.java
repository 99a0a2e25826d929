package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void decode_acceptsBothCases() {
        assertThat(Hex.decode("f", "00aBcDeF")).containsExactly(0, 0xab, 0xcd, 0xef);
        assertThat(Hex.decode("f", "")).isEmpty();
    }

    @Test
    void decode_rejectsEverythingElse_withMalformedHex() {
        List<String> accepted = new ArrayList<>();
        for (String s : List.of("0", "0x00", "zz", "0 ", " 00", "０１", "١٢", "00-1", "ag")) {
            try {
                Hex.decode("f", s);
                accepted.add(s);
            } catch (MalformedInputException e) {
                assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED_HEX);
            }
        }
        assertThat(accepted).isEmpty();
    }
}
