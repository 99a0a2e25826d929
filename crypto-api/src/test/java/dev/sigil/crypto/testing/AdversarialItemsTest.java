package dev.sigil.crypto.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.testing.AdversarialItems.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.api.Test;

class AdversarialItemsTest {

    @Test
    void sameSeed_givesTheSameKeysAndItems_anotherSeedOthers() {
        for (Scheme s : Scheme.values()) {
            List<String> a = describe(new AdversarialItems(s, 5, 4, 20));
            assertThat(describe(new AdversarialItems(s, 5, 4, 20))).as(s.toString()).isEqualTo(a);
            assertThat(describe(new AdversarialItems(s, 6, 4, 20))).as(s.toString()).isNotEqualTo(a);
        }
        assertThat(AdversarialItems.key(Scheme.SM2, 9).publicKey()).isEqualTo(AdversarialItems.key(Scheme.SM2, 9)
                .publicKey());
    }

    private static List<String> describe(AdversarialItems gen) {
        List<String> out = new ArrayList<>();
        gen.keys().forEach(k -> out.add(java.util.HexFormat.of().formatHex(k.publicKey().encoded())));
        for (EncodedItem it : gen.items(50)) {
            out.add(java.util.Arrays.toString(it.publicKey()) + java.util.Arrays.toString(it.message())
                    + java.util.Arrays.toString(it.digest()) + java.util.Arrays.toString(it.signature()) + it.format());
        }
        return out;
    }

    @Test
    void baseSignatures_verifyWithBouncyCastle() {
        List<String> failures = new ArrayList<>();
        for (Scheme s : Scheme.values()) {
            for (AdversarialItems.Signed signed : new AdversarialItems(s, 11, 3, 12).signed()) {
                if (!referenceVerify(signed)) {
                    failures.add(s + " " + signed.key());
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void everyKindThatAppliesIsMade_andNoOther() {
        for (Scheme s : Scheme.values()) {
            AdversarialItems gen = new AdversarialItems(s, 3, 16);
            Set<Kind> seen = EnumSet.noneOf(Kind.class);
            for (int i = 0; i < 600; i++) {
                seen.add(gen.next().kind());
            }
            Set<Kind> expected = EnumSet.noneOf(Kind.class);
            for (Kind k : Kind.values()) {
                if (k.appliesTo(s)) {
                    expected.add(k);
                }
            }
            assertThat(seen).as(s.toString()).isEqualTo(expected);
        }
    }

    @Test
    void schnorrKinds_failBip340AsIntended_andWhatNeedsNoArithmeticIsDecidedWhenBuilt() {
        AdversarialItems gen = new AdversarialItems(Scheme.SCHNORR_SECP256K1, 21, 4, 8);
        List<String> failures = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            if (!kind.appliesTo(Scheme.SCHNORR_SECP256K1)) {
                continue;
            }
            for (int i = 0; i < 6; i++) {
                EncodedItem it = gen.item(kind).item();
                boolean valid = Bip340Plain.verify(it.publicKey(), it.message(), it.signature());
                var batch = dev.sigil.crypto.VerifyBatch.builder(Scheme.SCHNORR_SECP256K1,
                        dev.sigil.crypto.RuleSet.STANDARD).add(it).build();
                boolean preset = kind == Kind.XONLY_KEY_NOT_LIFTABLE || kind == Kind.R_NOT_BELOW_P
                        || kind == Kind.S_NOT_BELOW_N;
                if (valid != (kind == Kind.VALID) || batch.isPending(0) == preset) {
                    failures.add(kind + " #" + i + ": plain verify " + valid + ", pending " + batch.isPending(0));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void torsionItems_includeBothCofactorlessOutcomes() {
        List<Ed25519Torsion.Crafted> crafted = AdversarialItems.torsion(8, 40);
        assertThat(crafted).anyMatch(Ed25519Torsion.Crafted::cofactorlessValid)
                .anyMatch(c -> !c.cofactorlessValid());
        assertThat(crafted).allSatisfy(c -> assertThat(c.item().publicKey()).hasSize(32));
    }

    private static boolean referenceVerify(AdversarialItems.Signed signed) {
        Scheme s = signed.key().scheme();
        byte[] sig = signed.signature();
        byte[] m = signed.message();
        if (s == Scheme.ED25519) {
            return Ed25519.verify(sig, 0, signed.key().publicKey().encoded(), 0, m, 0, m.length);
        }
        if (s == Scheme.SCHNORR_SECP256K1) {
            return Bip340Plain.verify(signed.key().publicKey().encoded(), m, sig);
        }
        EcPublicKey key = (EcPublicKey) signed.key().publicKey();
        X9ECParameters x9 = ECNamedCurveTable.getByName(s == Scheme.SM2 ? "sm2p256v1" : key.curve().curveName());
        ECDomainParameters d = new ECDomainParameters(x9);
        ECPublicKeyParameters pub = new ECPublicKeyParameters(x9.getCurve().decodePoint(key.uncompressed()), d);
        EcSignature rs = EcSignature.fromRaw(sig);
        if (s == Scheme.SM2) {
            SM2Signer v = new SM2Signer();
            v.init(false, new ParametersWithID(pub, Sm2.DEFAULT_USER_ID));
            v.update(m, 0, m.length);
            return v.verifySignature(rs.toDer());
        }
        ECDSASigner v = new ECDSASigner();
        v.init(false, pub);
        return v.verifySignature(dev.sigil.crypto.Hashes.sha256(m), rs.r(), rs.s())
                && rs.s().compareTo(key.curve().n().shiftRight(1)) <= 0;
    }
}
