package dev.sigil.crypto.conformance;

import static dev.sigil.crypto.conformance.EdgeCase.invalid;
import static dev.sigil.crypto.conformance.EdgeCase.malformed;
import static dev.sigil.crypto.conformance.EdgeCase.valid;

import dev.sigil.crypto.Bytes;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The project's own BIP-340 edge cases: what the contract makes invalid, and what it makes malformed. */
final class Bip340EdgeCases {
    private static final Scheme SC = Scheme.SCHNORR_SECP256K1;

    private Bip340EdgeCases() {
    }

    static List<EdgeCase> build(Signer signer, SigningKey key, SigningKey other) {
        byte[] pk = key.publicKey().encoded();
        byte[] msg = "sigil edge case".getBytes(StandardCharsets.UTF_8);
        byte[] sig = sign(signer, key, msg);
        Curve c = Curve.SECP256K1;
        List<EdgeCase> out = new ArrayList<>();
        for (RuleSet rules : RuleSet.values()) {
            out.add(valid("valid", SC, rules, EncodedItem.ofMessage(pk, msg, sig)));
            byte[] empty = new byte[0];
            out.add(valid("empty message", SC, rules, EncodedItem.ofMessage(pk, empty, sign(signer, key, empty))));
            byte[] longMsg = new byte[1000];
            Arrays.fill(longMsg, (byte) 0x5a);
            out.add(valid("1000-byte message", SC, rules, EncodedItem.ofMessage(pk, longMsg,
                    sign(signer, key, longMsg))));
            out.add(invalid("flipped message bit", SC, rules, EncodedItem.ofMessage(pk, EdgeCases.flip(msg, 9), sig)));
            out.add(invalid("flipped r bit", SC, rules, EncodedItem.ofMessage(pk, msg, EdgeCases.flip(sig, 5))));
            out.add(invalid("flipped s bit", SC, rules, EncodedItem.ofMessage(pk, msg, EdgeCases.flip(sig, 300))));
            out.add(invalid("wrong key", SC, rules, EncodedItem.ofMessage(other.publicKey().encoded(), msg, sig)));
            out.add(invalid("s replaced by n - s (low-s changes nothing)", SC, rules,
                    EncodedItem.ofMessage(pk, msg, withS(sig, c.n().subtract(new BigInteger(1, sPart(sig)))))));
        }
        out.add(invalid("key x = p", SC, RuleSet.STANDARD, EncodedItem.ofMessage(Bytes.unsigned(c.p(), 32), msg, sig)));
        out.add(invalid("key x = 2^256 - 1", SC, RuleSet.STANDARD,
                EncodedItem.ofMessage(max(), msg, sig)));
        out.add(invalid("key x = 5, not on the curve", SC, RuleSet.STANDARD,
                EncodedItem.ofMessage(Bytes.unsigned(BigInteger.valueOf(5), 32), msg, sig)));
        out.add(invalid("r = p", SC, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg, withR(sig, c.p()))));
        out.add(invalid("r = 2^256 - 1", SC, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg,
                Bytes.concat(max(), sPart(sig)))));
        out.add(invalid("s = n", SC, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg, withS(sig, c.n()))));
        out.add(invalid("s + n", SC, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg,
                withS(sig, new BigInteger(1, sPart(sig)).add(c.n()).min(BigInteger.ONE.shiftLeft(256)
                        .subtract(BigInteger.ONE))))));
        out.add(invalid("s = 0, r = 0", SC, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg, new byte[64])));
        out.addAll(malformedItems(pk, msg, sig));
        return out;
    }

    private static List<EdgeCase> malformedItems(byte[] pk, byte[] msg, byte[] sig) {
        List<EdgeCase> out = new ArrayList<>();
        out.add(malformed("63-byte signature", SC, EncodedItem.ofMessage(pk, msg, Arrays.copyOf(sig, 63)),
                ProblemCode.MALFORMED_SIGNATURE));
        out.add(malformed("65-byte signature", SC, EncodedItem.ofMessage(pk, msg, Arrays.copyOf(sig, 65)),
                ProblemCode.MALFORMED_SIGNATURE));
        out.add(malformed("31-byte key", SC, EncodedItem.ofMessage(Arrays.copyOf(pk, 31), msg, sig),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        byte[] compressed = Bytes.concat(new byte[] {0x02}, pk);
        out.add(malformed("33-byte SEC1 key", SC, EncodedItem.ofMessage(compressed, msg, sig),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        out.add(malformed("digest instead of message", SC, EncodedItem.ofDigest(pk, new byte[32], sig),
                ProblemCode.MALFORMED_ITEM));
        out.add(malformed("message and digest", SC, new EncodedItem(pk, msg, new byte[32], sig, null, null),
                ProblemCode.MALFORMED_ITEM));
        out.add(malformed("no message", SC, new EncodedItem(pk, null, null, sig, null, null),
                ProblemCode.MESSAGE_OR_DIGEST));
        out.add(malformed("signatureFormat raw", SC, EncodedItem.ofMessage(pk, msg, sig)
                .withFormat(SignatureFormat.RAW), ProblemCode.MALFORMED_ITEM));
        out.add(malformed("signatureFormat der", SC, EncodedItem.ofMessage(pk, msg, sig)
                .withFormat(SignatureFormat.DER), ProblemCode.MALFORMED_ITEM));
        out.add(malformed("userId", SC, EncodedItem.ofMessage(pk, msg, sig).withUserId(new byte[] {1}),
                ProblemCode.MALFORMED_ITEM));
        return out;
    }

    /** A BIP-340 signature over the message, from the signer (which takes the message itself). */
    static byte[] sign(Signer signer, SigningKey key, byte[] message) {
        return signer.sign(key, List.of(message)).getFirst().bytes();
    }

    private static byte[] sPart(byte[] sig) {
        return Arrays.copyOfRange(sig, 32, 64);
    }

    private static byte[] withR(byte[] sig, BigInteger r) {
        return Bytes.concat(Bytes.unsigned(r, 32), sPart(sig));
    }

    private static byte[] withS(byte[] sig, BigInteger s) {
        return Bytes.concat(Arrays.copyOf(sig, 32), Bytes.unsigned(s, 32));
    }

    private static byte[] max() {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) 0xff);
        return b;
    }
}
