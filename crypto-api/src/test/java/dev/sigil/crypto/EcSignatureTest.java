package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EcSignatureTest {

    private static byte[] hex(String h) {
        return Hex.decode("t", h);
    }

    @Test
    void der_roundTrip_ofRandomValues_isExact() {
        Random rnd = new Random(7);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            BigInteger r = new BigInteger(1 + rnd.nextInt(256), rnd);
            BigInteger s = new BigInteger(1 + rnd.nextInt(256), rnd);
            EcSignature sig = new EcSignature(r, s);
            EcSignature back = EcSignature.fromDer(sig.toDer());
            if (!back.equals(sig)) {
                failures.add(r.toString(16) + "/" + s.toString(16));
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void der_nonStrictEncodings_areMalformedSignature() {
        List<String> bad = List.of(
                "3006020101020101" + "00",            // trailing byte
                "308106020101020101",                 // long-form length below 128
                "3007020200010201" + "01",            // superfluous leading zero
                "30060201010201",                     // truncated
                "3006020101030101",                   // BIT STRING instead of INTEGER
                "3100020101020101",                   // SET
                "3080020101020101" + "0000",          // indefinite length
                "3005020001020101",                   // empty INTEGER
                "300802020080020101",                 // sequence length beyond the data
                "3007020101020101" + "ff",            // extra data inside the sequence
                "30070202ff80020101",                 // superfluous 0xff
                "");
        List<String> accepted = new ArrayList<>();
        for (String h : bad) {
            try {
                EcSignature.fromDer(hex(h));
                accepted.add(h);
            } catch (MalformedInputException e) {
                if (e.code() != ProblemCode.MALFORMED_SIGNATURE) {
                    accepted.add(h + " with code " + e.code());
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void der_negativeInteger_isMalformedSignature() {
        List<String> negative = List.of(
                "3006020180020101",                   // r = -128: high bit set, no leading zero
                "3006020101020181",                   // s = -127
                "30260221" + "ff" + "11".repeat(32) + "020101",   // a 33-byte r starting ff (r - 2^264)
                "302502" + "20" + "80" + "11".repeat(31) + "020101"); // a 256-bit r missing its 00
        List<String> accepted = new ArrayList<>();
        for (String h : negative) {
            try {
                EcSignature sig = EcSignature.fromDer(hex(h));
                accepted.add(h + " parsed as " + sig);
            } catch (MalformedInputException e) {
                if (e.code() != ProblemCode.MALFORMED_SIGNATURE) {
                    accepted.add(h + " with code " + e.code());
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @Test
    void der_highBitWithLeadingZero_isPositive() {
        EcSignature sig = EcSignature.fromDer(hex("300702020080020101"));
        assertThat(sig.r()).isEqualTo(BigInteger.valueOf(128));
        assertThat(sig.s()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void raw_mustBeExactly64Bytes() {
        assertThat(EcSignature.fromRaw(new byte[64]).r()).isZero();
        assertThatThrownBy(() -> EcSignature.fromRaw(new byte[63])).isInstanceOf(MalformedInputException.class);
        assertThatThrownBy(() -> EcSignature.fromRaw(new byte[65])).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void lowS_normalization_flipsOnlyHighS() {
        Curve c = Curve.SECP256K1;
        EcSignature high = new EcSignature(BigInteger.TEN, c.halfN().add(BigInteger.ONE));
        assertThat(high.isHighS(c)).isTrue();
        assertThat(high.normalizedLowS(c).s()).isEqualTo(c.n().subtract(high.s()));
        EcSignature half = new EcSignature(BigInteger.TEN, c.halfN());
        assertThat(half.isHighS(c)).isFalse();
        assertThat(half.normalizedLowS(c)).isEqualTo(half);
    }
}
