package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class PublicKeyTest {
    private static byte[] generator(Curve c) {
        return Bytes.concat(new byte[] {4}, Bytes.unsigned(c.gx(), 32), Bytes.unsigned(c.gy(), 32));
    }

    @Test
    void generator_parsesOnEveryCurve_andCompressionRoundTrips() {
        for (Scheme s : new Scheme[] {Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.SM2}) {
            EcPublicKey g = EcPublicKey.parse(s, generator(s.requireCurve()));
            EcPublicKey compressed = EcPublicKey.parse(s, g.compressed());
            assertThat(compressed).isEqualTo(g);
            assertThat(compressed.uncompressed()).isEqualTo(g.uncompressed());
        }
    }

    @Test
    void offCurveAndHybridKeys_areRejectedWithTheirCodes() {
        byte[] off = generator(Curve.P256);
        off[64] ^= 1;
        assertThatThrownBy(() -> PublicKey.parse(Scheme.ECDSA_P256, off))
                .hasFieldOrPropertyWithValue("code", ProblemCode.INVALID_PUBLIC_KEY);
        byte[] hybrid = generator(Curve.P256);
        hybrid[0] = 6;
        assertThatThrownBy(() -> PublicKey.parse(Scheme.ECDSA_P256, hybrid))
                .hasFieldOrPropertyWithValue("code", ProblemCode.MALFORMED_PUBLIC_KEY);
        assertThatThrownBy(() -> PublicKey.parse(Scheme.ECDSA_P256, new byte[] {0}))
                .hasFieldOrPropertyWithValue("code", ProblemCode.MALFORMED_PUBLIC_KEY);
    }

    @Test
    void ed25519_basePoint_parses_andIdentityIsSmallOrder() {
        byte[] base = Bytes.reversed(Bytes.unsigned(
                new BigInteger("46316835694926478169428394003475163141307993866256225615783033603165251855960"), 32));
        assertThat(Ed25519PublicKey.parse(base).isSmallOrder()).isFalse();
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertThat(Ed25519PublicKey.parse(identity).isSmallOrder()).isTrue();
    }
}
