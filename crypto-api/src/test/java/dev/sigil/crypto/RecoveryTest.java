package dev.sigil.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.conformance.Secp256k1Recovery;
import dev.sigil.crypto.testing.AdversarialItems;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** The reference recovery, the recovery batch's parsing rules, and Ethereum addresses. */
class RecoveryTest {
    private static final HexFormat HEX = HexFormat.of();
    /** EIP-155's example transaction, signed by the key 0x4646…46 (chain id 1, so v = 37: recovery id 0). */
    static final String EIP155_SIGNING_DATA =
            "ec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080";
    static final String EIP155_DIGEST = "daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53";
    static final String EIP155_SIGNATURE = "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
            + "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d831b";
    static final String EIP155_SENDER = "9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f";

    @Test
    void eip155Transaction_recoversItsSendersAddress() {
        byte[] digest = Hashes.keccak256(HEX.parseHex(EIP155_SIGNING_DATA));
        assertThat(HEX.formatHex(digest)).isEqualTo(EIP155_DIGEST);
        RecoverBatch batch = RecoverBatch.builder(RuleSet.LOW_S)
                .add(new EncodedItem(null, null, digest, HEX.parseHex(EIP155_SIGNATURE), null, null)).build();
        assertThat(batch.pendingCount()).isOne();
        Optional<BigInteger[]> q = EcArithmetic.recoverPublicKey(digest, scalar(batch.r()), scalar(batch.s()),
                batch.recoveryId(0));
        assertThat(q).isPresent();
        byte[] xy = Bytes.concat(Bytes.unsigned(q.get()[0], 32), Bytes.unsigned(q.get()[1], 32));
        assertThat(HEX.formatHex(RecoveredKeys.ethereumAddress(xy))).isEqualTo(EIP155_SENDER);
        EcPublicKey expected = EcArithmetic.publicKey(Scheme.ECDSA_SECP256K1,
                new BigInteger("4646464646464646464646464646464646464646464646464646464646464646", 16));
        assertThat(q.get()).containsExactly(expected.x(), expected.y());
    }

    @Test
    void keccak256_isKeccakNotSha3() {
        assertThat(HEX.formatHex(Hashes.keccak256(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void recoverPublicKey_agreesWithTheIndependentRecovery_onEveryGeneratedItem() {
        AdversarialItems gen = new AdversarialItems(Scheme.ECDSA_SECP256K1, 11, 64);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            AdversarialItems.RecoverItem it = gen.recoverItems(1).getFirst();
            RecoverBatch b = RecoverBatch.builder(RuleSet.STANDARD).add(it.item()).build();
            if (!b.isPending(0)) {
                continue;
            }
            byte[] digest = VerifyBatch.slot(b.digests(), 0);
            BigInteger r = scalar(b.r());
            BigInteger s = scalar(b.s());
            Optional<BigInteger[]> ours = EcArithmetic.recoverPublicKey(digest, r, s, b.recoveryId(0));
            ECPoint theirs = Secp256k1Recovery.recover(digest, r, s, b.recoveryId(0));
            boolean same = theirs == null ? ours.isEmpty() : ours.isPresent()
                    && ours.get()[0].equals(theirs.getAffineXCoord().toBigInteger())
                    && ours.get()[1].equals(theirs.getAffineYCoord().toBigInteger());
            boolean signerExpected = switch (it.kind()) {
                case VALID, V_27_28, HIGH_S, ZERO_DIGEST -> true;
                default -> false;
            };
            boolean isSigner = ours.isPresent() && ours.get()[0].equals(it.signer().x())
                    && ours.get()[1].equals(it.signer().y());
            if (!same || isSigner != signerExpected) {
                failures.add(i + " " + it.kind() + ": same=" + same + " signer=" + isSigner);
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void builder_decidesWhatNeedsNoArithmetic() {
        byte[] digest = HEX.parseHex(EIP155_DIGEST);
        byte[] sig = HEX.parseHex(EIP155_SIGNATURE);
        BigInteger n = Curve.SECP256K1.n();
        EcSignature good = EcSignature.fromRaw(java.util.Arrays.copyOf(sig, 64));
        byte[] high = withV(new EcSignature(good.r(), n.subtract(good.s())).toRaw(), 28);
        List<Outcome> standard = presets(RuleSet.STANDARD, digest, sig, high);
        List<Outcome> lowS = presets(RuleSet.LOW_S, digest, sig, high);
        assertThat(standard.get(0)).isNull();
        assertThat(standard.get(1)).as("high S under standard is pending").isNull();
        assertThat(lowS.get(1)).isEqualTo(Outcome.INVALID);
        for (int v : new int[] {0, 1, 27, 28}) {
            RecoverBatch b = RecoverBatch.builder(RuleSet.STANDARD)
                    .add(new EncodedItem(null, null, digest, withV(sig, v), null, null)).build();
            assertThat(b.recoveryId(0)).isEqualTo(v & 1 ^ (v >= 27 ? 1 : 0));
        }
        assertThat(problem(new EncodedItem(null, null, digest, withV(sig, 29), null, null)))
                .isEqualTo("malformed-signature: v must be 0, 1, 27 or 28");
        assertThat(problem(new EncodedItem(null, null, digest, java.util.Arrays.copyOf(sig, 64), null, null)))
                .startsWith("malformed-signature");
        assertThat(problem(new EncodedItem(null, null, new byte[31], sig, null, null))).startsWith("malformed-digest");
        assertThat(problem(new EncodedItem(null, new byte[1], digest, sig, null, null)))
                .startsWith("message-or-digest");
        assertThat(problem(new EncodedItem(new byte[33], null, digest, sig, null, null))).startsWith("malformed-item");
        assertThat(problem(new EncodedItem(null, null, digest, sig, SignatureFormat.DER, null)))
                .startsWith("unsupported-signature-format");
        assertThat(problem(new EncodedItem(null, null, digest, sig, null, new byte[2]))).startsWith("malformed-user-id");
        byte[] zeroR = sig.clone();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        assertThat(presets(RuleSet.STANDARD, digest, zeroR).getFirst()).isEqualTo(Outcome.INVALID);
    }

    private static List<Outcome> presets(RuleSet rules, byte[] digest, byte[]... sigs) {
        RecoverBatchBuilder b = RecoverBatch.builder(rules);
        for (byte[] s : sigs) {
            b.add(new EncodedItem(null, null, digest, s, null, null));
        }
        return java.util.Arrays.asList(b.build().newOutcomes());
    }

    private static String problem(EncodedItem item) {
        Outcome o = RecoverBatch.builder(RuleSet.STANDARD).add(item).build().newOutcomes()[0];
        return o.problem().code() + ": " + o.detail();
    }

    private static byte[] withV(byte[] sig, int v) {
        byte[] out = java.util.Arrays.copyOf(sig, 65);
        out[64] = (byte) v;
        return out;
    }

    private static BigInteger scalar(byte[] column) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(column, 0, 32));
    }
}
