package dev.sigil.crypto.conformance;

import static dev.sigil.crypto.conformance.EdgeCase.invalid;
import static dev.sigil.crypto.conformance.EdgeCase.malformed;
import static dev.sigil.crypto.conformance.EdgeCase.valid;

import dev.sigil.crypto.Bytes;
import dev.sigil.crypto.Ed25519PublicKey;
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

/** The project's own Ed25519 edge cases. */
final class Ed25519EdgeCases {
    private static final Scheme ED = Scheme.ED25519;

    private Ed25519EdgeCases() {
    }

    static List<EdgeCase> build(Signer signer, SigningKey key, SigningKey other) {
        byte[] pk = key.publicKey().encoded();
        byte[] msg = "sigil edge case".getBytes(StandardCharsets.UTF_8);
        byte[] sig = signer.sign(key, List.of(msg)).getFirst().bytes();
        List<EdgeCase> out = new ArrayList<>();
        for (RuleSet rules : RuleSet.values()) {
            out.add(valid("valid", ED, rules, EncodedItem.ofMessage(pk, msg, sig)));
            out.add(valid("valid, format raw given", ED, rules, EncodedItem.ofMessage(pk, msg, sig)
                    .withFormat(SignatureFormat.RAW)));
            byte[] empty = new byte[0];
            out.add(valid("empty message", ED, rules, EncodedItem.ofMessage(pk, empty,
                    signer.sign(key, List.of(empty)).getFirst().bytes())));
            out.add(invalid("flipped message bit", ED, rules, EncodedItem.ofMessage(pk, EdgeCases.flip(msg, 9), sig)));
            out.add(invalid("flipped R bit", ED, rules, EncodedItem.ofMessage(pk, msg, EdgeCases.flip(sig, 5))));
            out.add(invalid("flipped S bit", ED, rules, EncodedItem.ofMessage(pk, msg, EdgeCases.flip(sig, 260))));
            out.add(invalid("wrong key", ED, rules, EncodedItem.ofMessage(other.publicKey().encoded(), msg, sig)));
        }
        out.add(invalid("S + L (non-canonical S)", ED, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg, sPlusL(sig))));
        byte[] highBits = sig.clone();
        highBits[63] |= (byte) 0xe0;
        out.add(invalid("S with high bits set", ED, RuleSet.STANDARD, EncodedItem.ofMessage(pk, msg, highBits)));
        byte[] nonCanonicalR = sig.clone();
        byte[] p = Bytes.reversed(Bytes.unsigned(Ed25519PublicKey.P, 32));
        System.arraycopy(p, 0, nonCanonicalR, 0, 32);
        out.add(invalid("R with y = p (non-canonical)", ED, RuleSet.STANDARD,
                EncodedItem.ofMessage(pk, msg, nonCanonicalR)));
        byte[] identity = new byte[32];
        identity[0] = 1;
        out.add(invalid("small-order key (identity)", ED, RuleSet.STANDARD, EncodedItem.ofMessage(identity, msg, sig)));
        out.addAll(malformedItems(pk, msg, sig));
        return out;
    }

    private static List<EdgeCase> malformedItems(byte[] pk, byte[] msg, byte[] sig) {
        List<EdgeCase> out = new ArrayList<>();
        out.add(malformed("63-byte signature", ED, EncodedItem.ofMessage(pk, msg, Arrays.copyOf(sig, 63)),
                ProblemCode.MALFORMED_SIGNATURE));
        out.add(malformed("65-byte signature", ED, EncodedItem.ofMessage(pk, msg, Arrays.copyOf(sig, 65)),
                ProblemCode.MALFORMED_SIGNATURE));
        out.add(malformed("31-byte key", ED, EncodedItem.ofMessage(Arrays.copyOf(pk, 31), msg, sig),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        out.add(malformed("33-byte key", ED, EncodedItem.ofMessage(Arrays.copyOf(pk, 33), msg, sig),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        out.add(malformed("key with y = p", ED, EncodedItem.ofMessage(
                Bytes.reversed(Bytes.unsigned(Ed25519PublicKey.P, 32)), msg, sig), ProblemCode.INVALID_PUBLIC_KEY));
        out.add(malformed("key not on the curve", ED, EncodedItem.ofMessage(offCurve(), msg, sig),
                ProblemCode.INVALID_PUBLIC_KEY));
        out.add(malformed("digest instead of message", ED, EncodedItem.ofDigest(pk, new byte[32], sig),
                ProblemCode.MALFORMED_DIGEST));
        out.add(malformed("no message", ED, new EncodedItem(pk, null, null, sig, null, null),
                ProblemCode.MESSAGE_OR_DIGEST));
        out.add(malformed("DER format on ed25519", ED, EncodedItem.ofMessage(pk, msg, sig)
                .withFormat(SignatureFormat.DER), ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT));
        out.add(malformed("userId on ed25519", ED, EncodedItem.ofMessage(pk, msg, sig).withUserId(new byte[] {1}),
                ProblemCode.MALFORMED_USER_ID));
        return out;
    }

    private static byte[] sPlusL(byte[] sig) {
        BigInteger s = new BigInteger(1, Bytes.reversed(Arrays.copyOfRange(sig, 32, 64)));
        byte[] out = sig.clone();
        System.arraycopy(Bytes.reversed(Bytes.unsigned(s.add(Ed25519PublicKey.L), 32)), 0, out, 32, 32);
        return out;
    }

    private static byte[] offCurve() {
        for (int y = 2; ; y++) {
            byte[] enc = Bytes.reversed(Bytes.unsigned(BigInteger.valueOf(y), 32));
            if (!Ed25519PublicKey.decodes(enc)) {
                return enc;
            }
        }
    }
}
