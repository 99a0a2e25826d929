package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.conformance.Vectors;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.Bip340Plain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Bip340Test {
    private static final Scheme SC = Scheme.SCHNORR_SECP256K1;

    @Test
    void sign_isByteIdenticalToEveryOfficialVectorWithASecretKey() {
        List<String> failures = new ArrayList<>();
        int signed = 0;
        for (Vectors.Bip340Vector v : Vectors.bip340()) {
            if (v.secretKey() == null) {
                continue;
            }
            EncodedItem item = v.vector().item();
            byte[] sig = Bip340.sign(v.secretKey(), item.message(), v.aux());
            if (!java.util.Arrays.equals(sig, item.signature())) {
                failures.add(v.vector().name() + ": signature differs");
            }
            if (!java.util.Arrays.equals(Bip340.publicKey(new BigInteger(1, v.secretKey())).encoded(),
                    item.publicKey())) {
                failures.add(v.vector().name() + ": public key differs");
            }
            signed++;
        }
        assertThat(signed).isGreaterThanOrEqualTo(8);
        assertThat(failures).isEmpty();
    }

    @Test
    void plainVerify_matchesEveryOfficialVector() {
        List<String> failures = new ArrayList<>();
        for (Vectors.Bip340Vector v : Vectors.bip340()) {
            EncodedItem it = v.vector().item();
            if (Bip340Plain.verify(it.publicKey(), it.message(), it.signature()) != v.vector().valid()) {
                failures.add(v.vector().name());
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void xOnlyKeys_ofTheRightLengthParse_andLiftXDecidesWhetherTheyCanVerify() {
        Curve c = Curve.SECP256K1;
        XOnlyPublicKey g = XOnlyPublicKey.parse(Bytes.unsigned(c.gx(), 32));
        assertThat(g.isLiftable()).isTrue();
        assertThat(g.y()).isEqualTo(c.gy().testBit(0) ? c.p().subtract(c.gy()) : c.gy());
        assertThat(g.y().testBit(0)).isFalse();
        XOnlyPublicKey atP = XOnlyPublicKey.parse(Bytes.unsigned(c.p(), 32));
        assertThat(atP.isLiftable()).isFalse();
        assertThatThrownBy(atP::y).isInstanceOf(IllegalStateException.class);
        assertThat(XOnlyPublicKey.parse(Bytes.unsigned(BigInteger.valueOf(5), 32)).isLiftable()).isFalse();
        for (int len : new int[] {0, 31, 33, 65}) {
            assertThatThrownBy(() -> PublicKey.parse(SC, new byte[len]))
                    .isInstanceOfSatisfying(MalformedInputException.class,
                            e -> assertThat(e.code()).isEqualTo(ProblemCode.MALFORMED_PUBLIC_KEY));
        }
        assertThat(PublicKey.parse(SC, Bytes.unsigned(c.gx(), 32))).isEqualTo(g);
    }

    @Test
    void builder_presetsWhatBip340CallsFail_andLeavesTheRestPending() {
        var key = AdversarialItems.key(SC, 3);
        byte[] pk = key.publicKey().encoded();
        byte[] msg = {1, 2, 3};
        byte[] sig = AdversarialItems.sign(key, msg);
        Curve c = Curve.SECP256K1;
        VerifyBatch b = VerifyBatch.builder(SC, RuleSet.LOW_S)
                .add(EncodedItem.ofMessage(pk, msg, sig))
                .add(EncodedItem.ofMessage(Bytes.unsigned(c.p(), 32), msg, sig))
                .add(EncodedItem.ofMessage(pk, msg, Bytes.concat(Bytes.unsigned(c.p(), 32),
                        java.util.Arrays.copyOfRange(sig, 32, 64))))
                .add(EncodedItem.ofMessage(pk, msg, Bytes.concat(java.util.Arrays.copyOf(sig, 32),
                        Bytes.unsigned(c.n(), 32))))
                .add(EncodedItem.ofMessage(pk, msg, java.util.Arrays.copyOf(sig, 63)))
                .add(EncodedItem.ofDigest(pk, new byte[32], sig))
                .build();
        Outcome[] o = b.newOutcomes();
        assertThat(b.isPending(0)).isTrue();
        assertThat(b.message(0)).isEqualTo(msg);
        assertThat(VerifyBatch.slot(b.r(), 0)).isEqualTo(java.util.Arrays.copyOf(sig, 32));
        assertThat(o[1]).isEqualTo(Outcome.INVALID);
        assertThat(o[2]).isEqualTo(Outcome.INVALID);
        assertThat(o[3]).isEqualTo(Outcome.INVALID);
        assertThat(o[4].problem()).isEqualTo(ProblemCode.MALFORMED_SIGNATURE);
        assertThat(o[5].problem()).isEqualTo(ProblemCode.MALFORMED_ITEM);
    }

    @Test
    void challenge_isTheTaggedHashModN_andSigningChecksItsInputs() {
        Random rnd = new Random(4);
        byte[] r = new byte[32];
        byte[] px = new byte[32];
        byte[] m = new byte[77];
        rnd.nextBytes(r);
        rnd.nextBytes(px);
        rnd.nextBytes(m);
        BigInteger e = new BigInteger(1, Bip340.taggedHash("BIP0340/challenge", r, px, m)).mod(Curve.SECP256K1.n());
        assertThat(Bip340.challenge(r, 0, px, m, 0, m.length)).isEqualTo(e);
        assertThat(Bip340.challengeBytes(r, 0, px, m, 0, m.length)).isEqualTo(Bytes.unsigned(e, 32));
        assertThatThrownBy(() -> Bip340.sign(new byte[32], m, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bip340.sign(Bytes.unsigned(Curve.SECP256K1.n(), 32), m, new byte[32]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bip340.sign(new byte[] {1}, m, new byte[31]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
