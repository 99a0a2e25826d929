package dev.sigil.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** 10 000 signatures per scheme made by the CPU backend verify under low-s; the same with one bit flipped do not. */
class CpuSignVerifyTest {
    /** Shared with other tests of this module; its threads are daemons. */
    static final CpuBackend CPU = new CpuBackend(2);
    private static final int ITEMS = 10_000;
    private static final int KEYS = 16;

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void tenThousandSignatures_verify_andFlippedOnesDoNot(Scheme scheme) {
        Random rnd = new Random(scheme.ordinal());
        List<SigningKey.Software> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(SoftwareKeys.generate("k" + k, scheme));
        }
        List<EncodedItem> good = new ArrayList<>(ITEMS);
        List<EncodedItem> flipped = new ArrayList<>(ITEMS);
        for (int i = 0; i < ITEMS; i++) {
            SigningKey.Software key = keys.get(i % KEYS);
            byte[] msg = new byte[rnd.nextInt(100)];
            rnd.nextBytes(msg);
            EncodedItem item = signed(key, msg, i % 2 == 0);
            good.add(item);
            flipped.add(flipOneBit(item, rnd));
        }
        assertThat(failures(scheme, good, Verdict.VALID)).isEmpty();
        assertThat(failures(scheme, flipped, Verdict.INVALID)).isEmpty();
    }

    /** Signs as the service does; even items use the compressed key and raw format for the Weierstrass schemes. */
    static EncodedItem signed(SigningKey.Software key, byte[] msg, boolean variant) {
        Scheme scheme = key.scheme();
        if (scheme == Scheme.ED25519 || scheme == Scheme.SCHNORR_SECP256K1) {
            RawSignature sig = CPU.sign(key, List.of(msg)).getFirst();
            return EncodedItem.ofMessage(key.publicKey().encoded(), msg, sig.bytes());
        }
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        byte[] digest = Hashes.signedDigest(scheme, pub, Sm2.DEFAULT_USER_ID, msg);
        RawSignature sig = CPU.sign(key, List.of(digest)).getFirst();
        return variant
                ? EncodedItem.ofMessage(pub.compressed(), msg, sig.bytes()).withFormat(SignatureFormat.RAW)
                : EncodedItem.ofMessage(pub.uncompressed(), msg, EcSignature.fromRaw(sig.bytes()).toDer());
    }

    /** Flips one bit of the message (empty messages: of the signature's low half, which stays in range). */
    static EncodedItem flipOneBit(EncodedItem item, Random rnd) {
        if (item.message().length > 0) {
            byte[] m = item.message().clone();
            m[rnd.nextInt(m.length)] ^= (byte) (1 << rnd.nextInt(8));
            return new EncodedItem(item.publicKey(), m, null, item.signature(), item.format(), item.userId());
        }
        byte[] s = item.signature().clone();
        s[s.length - 1 - rnd.nextInt(8)] ^= 1;
        return new EncodedItem(item.publicKey(), item.message(), null, s, item.format(), item.userId());
    }

    private static List<String> failures(Scheme scheme, List<EncodedItem> items, Verdict expected) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, RuleSet.LOW_S, items.size());
        items.forEach(b::add);
        Outcome[] got = CPU.verify(b.build());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < got.length; i++) {
            if (got[i].verdict() != expected) {
                failures.add(scheme + " item " + i + ": " + got[i]);
            }
        }
        return failures;
    }
}
