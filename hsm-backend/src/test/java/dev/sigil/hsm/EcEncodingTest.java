package dev.sigil.hsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EcEncodingTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void ecParams_areTheDerOfTheNamedCurves() {
        assertThat(HEX.formatHex(EcEncoding.ecParams(Scheme.ECDSA_P256))).isEqualTo("06082a8648ce3d030107");
        assertThat(HEX.formatHex(EcEncoding.ecParams(Scheme.ECDSA_SECP256K1))).isEqualTo("06052b8104000a");
        assertThat(HEX.formatHex(EcEncoding.ecParams(Scheme.SM2))).isEqualTo("06082a811ccf5501822d");
        assertThat(HEX.formatHex(EcEncoding.ecParams(Scheme.ED25519))).isEqualTo("130c656477617264733235353139");
        assertThat(HEX.formatHex(EcEncoding.ED25519_OID)).isEqualTo("06032b6570");
    }

    @Test
    void schemeOf_recognisesBothEd25519Forms_andEveryCurve() {
        for (Scheme s : Scheme.values()) {
            if (s != Scheme.SCHNORR_SECP256K1) { // no token key is a BIP-340 key: its curve reads as ECDSA's
                assertThat(EcEncoding.schemeOf(EcEncoding.ecParams(s), s == Scheme.ED25519)).contains(s);
            }
        }
        assertThat(EcEncoding.schemeOf(EcEncoding.ED25519_OID, true)).contains(Scheme.ED25519);
        assertThat(EcEncoding.schemeOf(HEX.parseHex("06052b81040022"), false)).isEmpty();
    }

    @Test
    void publicKey_acceptsDerWrappedAndBarePoints() {
        EcPublicKey g = EcPublicKey.ofPoint(Scheme.ECDSA_P256, Curve.P256.gx(), Curve.P256.gy());
        byte[] wrapped = EcEncoding.ecPoint(g);
        assertThat(wrapped).hasSize(67).startsWith(0x04, 0x41);
        assertThat(EcEncoding.publicKey(Scheme.ECDSA_P256, wrapped)).isEqualTo(g);
        assertThat(EcEncoding.publicKey(Scheme.ECDSA_P256, g.uncompressed())).isEqualTo(g);
        byte[] compressed = g.compressed();
        byte[] wrappedCompressed = new byte[35];
        wrappedCompressed[0] = 0x04;
        wrappedCompressed[1] = 33;
        System.arraycopy(compressed, 0, wrappedCompressed, 2, 33);
        assertThat(EcEncoding.publicKey(Scheme.ECDSA_P256, wrappedCompressed)).isEqualTo(g);
    }

    @Test
    void publicKey_ed25519_bareValueStartingLikeDer_isTakenAsBare() {
        byte[] a = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        PublicKey wrapped = EcEncoding.publicKey(Scheme.ED25519,
                EcEncoding.ecPoint(PublicKey.parse(Scheme.ED25519, a)));
        assertThat(wrapped.encoded()).isEqualTo(a);
        assertThat(EcEncoding.publicKey(Scheme.ED25519, a).encoded()).isEqualTo(a);
        byte[] looksWrapped = Arrays.copyOf(a, 32);
        looksWrapped[0] = 0x04;
        looksWrapped[1] = 0x1e;
        assertThat(EcEncoding.unwrap(Scheme.ED25519, looksWrapped)).isEqualTo(looksWrapped);
    }
}
