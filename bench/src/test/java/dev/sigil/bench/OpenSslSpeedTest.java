package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Scheme;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenSslSpeedTest {
    private static final String OUTPUT = """
            Doing 256 bits sign ecdsa's for 1s: 41230 256 bits ECDSA signs in 0.60s
            Doing 256 bits verify ecdsa's for 1s: 13684 256 bits ECDSA verify in 0.60s
            version: 3.0.19
            options: bn(64,64)
            CPUINFO: OPENSSL_ia32cap=0xfffa3203078bffff:0x405fc6f1bf07ab
                                          sign    verify    sign/s verify/s
             256 bits ecdsa (nistp256)   0.0000s   0.0000s  68587.5  22807.3
                                          sign    verify    sign/s verify/s
             253 bits EdDSA (Ed25519)   0.0000s   0.0001s  42344.6  15792.2
                                          sign    verify    sign/s verify/s
             256 bits SM2 (CurveSM2)   0.0002s   0.0002s   4066.7   4451.0
            """;

    @Test
    void parse_readsVerifyPerSecondOfEveryRow() {
        List<OpenSslSpeed.Figure> figures = OpenSslSpeed.parse(OUTPUT);
        assertThat(figures).containsExactly(new OpenSslSpeed.Figure(Scheme.ECDSA_P256, 68587.5, 22807.3),
                new OpenSslSpeed.Figure(Scheme.ED25519, 42344.6, 15792.2),
                new OpenSslSpeed.Figure(Scheme.SM2, 4066.7, 4451.0));
    }

    @Test
    void parse_ignoresOtherCurvesAndNoise() {
        String other = """
                                              sign    verify    sign/s verify/s
                 384 bits ecdsa (nistp384)   0.0010s   0.0008s   1000.0   1250.0
                speed: Unknown algorithm sm2
                """;
        assertThat(OpenSslSpeed.parse(other)).isEmpty();
        assertThat(OpenSslSpeed.parse("")).isEmpty();
    }

    @Test
    void parse_readsWideNumbersThatTouchTheTimeColumn() {
        String wide = """
                                              sign    verify    sign/s verify/s
                 256 bits ecdsa (nistp256)   0.0000s   0.0000s110500.0  27880.0
                 256 bits ecdsa (nistp256)   0.0000s   0.0000s 1.2e+05  4.5e+04
                """;
        assertThat(OpenSslSpeed.parse(wide)).containsExactly(
                new OpenSslSpeed.Figure(Scheme.ECDSA_P256, 110500.0, 27880.0),
                new OpenSslSpeed.Figure(Scheme.ECDSA_P256, 120000.0, 45000.0));
    }

    @Test
    void parse_signRateInfinite_keepsTheVerifyRate_butAnInfiniteVerifyRateIsNoFigure() {
        String inf = """
                                              sign    verify    sign/s verify/s
                 256 bits ecdsa (nistp256)   0.0000s   0.0000s      inf  23222.2
                 253 bits EdDSA (Ed25519)   0.0000s   0.0000s  42000.0      inf
                """;
        assertThat(OpenSslSpeed.parse(inf)).containsExactly(
                new OpenSslSpeed.Figure(Scheme.ECDSA_P256, Double.POSITIVE_INFINITY, 23222.2));
    }
}
