package dev.sigil.crypto.conformance;

import static dev.sigil.crypto.conformance.EdgeCase.invalid;
import static dev.sigil.crypto.conformance.EdgeCase.malformed;
import static dev.sigil.crypto.conformance.EdgeCase.valid;

import dev.sigil.crypto.Bytes;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds the project's own edge cases for ECDSA and SM2 with a reference signer. */
final class EdgeCases {
    private static final RuleSet STD = RuleSet.STANDARD;
    private static final RuleSet LOW = RuleSet.LOW_S;

    private EdgeCases() {
    }

    /** Signs a message the way the service does (hash on the host, the backend signs the digest). */
    static byte[] signDer(Signer signer, SigningKey key, byte[] message, byte[] userId) {
        return EcSignature.fromRaw(signer.sign(key, List.of(digest(key, message, userId))).getFirst().bytes()).toDer();
    }

    static byte[] digest(SigningKey key, byte[] message, byte[] userId) {
        return Hashes.signedDigest(key.scheme(), (EcPublicKey) key.publicKey(),
                userId == null ? Sm2.DEFAULT_USER_ID : userId, message);
    }

    static List<EdgeCase> weierstrass(Signer signer, SigningKey key, SigningKey other) {
        Scheme sc = key.scheme();
        Curve c = sc.requireCurve();
        EcPublicKey pub = (EcPublicKey) key.publicKey();
        byte[] pk = pub.uncompressed();
        byte[] msg = "sigil edge case".getBytes(StandardCharsets.UTF_8);
        byte[] der = signDer(signer, key, msg, null);
        EcSignature sig = EcSignature.fromDer(der);
        List<EdgeCase> out = new ArrayList<>();
        for (RuleSet rules : RuleSet.values()) {
            out.add(valid("valid DER", sc, rules, EncodedItem.ofMessage(pk, msg, der)));
            out.add(valid("valid raw", sc, rules, EncodedItem.ofMessage(pk, msg, sig.toRaw())
                    .withFormat(SignatureFormat.RAW)));
            out.add(valid("compressed key", sc, rules, EncodedItem.ofMessage(pub.compressed(), msg, der)));
            out.add(valid("digest form", sc, rules, EncodedItem.ofDigest(pk, digest(key, msg, null), der)));
            out.add(invalid("flipped message bit", sc, rules, EncodedItem.ofMessage(pk, flip(msg, 3), der)));
            out.add(invalid("flipped r bit", sc, rules, EncodedItem.ofMessage(pk, msg,
                    new EcSignature(sig.r().flipBit(7), sig.s()).toDer())));
            out.add(invalid("wrong key", sc, rules, EncodedItem.ofMessage(
                    ((EcPublicKey) other.publicKey()).uncompressed(), msg, der)));
            out.add(invalid("r = 0", sc, rules, raw(pk, msg, BigInteger.ZERO, sig.s())));
            out.add(invalid("s = 0", sc, rules, raw(pk, msg, sig.r(), BigInteger.ZERO)));
            out.add(invalid("r = n", sc, rules, raw(pk, msg, c.n(), sig.s())));
            out.add(invalid("s = n", sc, rules, raw(pk, msg, sig.r(), c.n())));
            out.add(invalid("r + n (DER, > 256 bits possible)", sc, rules, EncodedItem.ofMessage(pk, msg,
                    new EcSignature(sig.r().add(c.n()), sig.s()).toDer())));
            byte[] empty = new byte[0];
            out.add(valid("empty message", sc, rules, EncodedItem.ofMessage(pk, empty,
                    signDer(signer, key, empty, null))));
        }
        EcSignature high = new EcSignature(sig.r(), c.n().subtract(sig.s()));
        if (sc.isEcdsa()) {
            out.add(valid("high S under standard", sc, STD, EncodedItem.ofMessage(pk, msg, high.toDer())));
            out.add(invalid("high S under low-s", sc, LOW, EncodedItem.ofMessage(pk, msg, high.toDer())));
        } else {
            out.add(invalid("(r, n - s) is not an SM2 signature", sc, STD, EncodedItem.ofMessage(pk, msg, high.toDer())));
            out.addAll(sm2Only(signer, key, pk, msg, der));
        }
        out.addAll(malformedKeys(sc, pub, msg, der));
        out.addAll(malformedSignatures(sc, pk, msg, der));
        out.addAll(malformedShapes(sc, pk, msg, der));
        return out;
    }

    private static List<EdgeCase> sm2Only(Signer signer, SigningKey key, byte[] pk, byte[] msg, byte[] der) {
        Scheme sc = Scheme.SM2;
        List<EdgeCase> out = new ArrayList<>();
        byte[] uid = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        byte[] withUid = signDer(signer, key, msg, uid);
        out.add(valid("custom user ID", sc, STD, EncodedItem.ofMessage(pk, msg, withUid).withUserId(uid)));
        out.add(invalid("wrong user ID", sc, STD, EncodedItem.ofMessage(pk, msg, withUid)));
        out.add(invalid("default-ID signature under another ID", sc, STD,
                EncodedItem.ofMessage(pk, msg, der).withUserId(uid)));
        out.add(valid("empty user ID", sc, STD, EncodedItem.ofMessage(pk, msg,
                signDer(signer, key, msg, new byte[0])).withUserId(new byte[0])));
        for (int i = 0; i < 64; i++) {
            byte[] m = ("high s search " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] d = signDer(signer, key, m, null);
            if (EcSignature.fromDer(d).isHighS(Curve.SM2P256V1)) {
                out.add(valid("s > n/2 is valid SM2 under low-s", sc, LOW, EncodedItem.ofMessage(pk, m, d)));
                break;
            }
        }
        return out;
    }

    private static List<EdgeCase> malformedKeys(Scheme sc, EcPublicKey pub, byte[] msg, byte[] der) {
        Curve c = sc.requireCurve();
        List<EdgeCase> out = new ArrayList<>();
        byte[] off = pub.uncompressed();
        off[64] ^= 1;
        out.add(malformed("off-curve uncompressed key", sc, EncodedItem.ofMessage(off, msg, der),
                ProblemCode.INVALID_PUBLIC_KEY));
        BigInteger x = pub.x();
        while (c.decompress(x, false).isPresent()) {
            x = x.add(BigInteger.ONE);
        }
        byte[] badX = Bytes.concat(new byte[] {2}, Bytes.unsigned(x, 32));
        out.add(malformed("compressed x not on curve", sc, EncodedItem.ofMessage(badX, msg, der),
                ProblemCode.INVALID_PUBLIC_KEY));
        byte[] xp = Bytes.concat(new byte[] {4}, Bytes.unsigned(c.p(), 32), Bytes.unsigned(pub.y(), 32));
        out.add(malformed("x = p", sc, EncodedItem.ofMessage(xp, msg, der), ProblemCode.INVALID_PUBLIC_KEY));
        out.add(malformed("infinity (0x00)", sc, EncodedItem.ofMessage(new byte[] {0}, msg, der),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        byte[] hybrid = pub.uncompressed();
        hybrid[0] = (byte) (pub.y().testBit(0) ? 7 : 6);
        out.add(malformed("hybrid encoding", sc, EncodedItem.ofMessage(hybrid, msg, der),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        out.add(malformed("64-byte key without prefix", sc, EncodedItem.ofMessage(
                Arrays.copyOfRange(pub.uncompressed(), 1, 65), msg, der), ProblemCode.MALFORMED_PUBLIC_KEY));
        out.add(malformed("truncated compressed key", sc, EncodedItem.ofMessage(
                Arrays.copyOf(pub.compressed(), 32), msg, der), ProblemCode.MALFORMED_PUBLIC_KEY));
        out.add(malformed("empty key", sc, EncodedItem.ofMessage(new byte[0], msg, der),
                ProblemCode.MALFORMED_PUBLIC_KEY));
        return out;
    }

    private static List<EdgeCase> malformedSignatures(Scheme sc, byte[] pk, byte[] msg, byte[] der) {
        List<EdgeCase> out = new ArrayList<>();
        ProblemCode bad = ProblemCode.MALFORMED_SIGNATURE;
        out.add(malformed("trailing byte after DER", sc, EncodedItem.ofMessage(pk, msg,
                Bytes.concat(der, new byte[] {0})), bad));
        byte[] ber = Bytes.concat(new byte[] {0x30, (byte) 0x81, der[1]}, Arrays.copyOfRange(der, 2, der.length));
        out.add(malformed("BER long-form length", sc, EncodedItem.ofMessage(pk, msg, ber), bad));
        EcSignature sig = EcSignature.fromDer(der);
        byte[] r = sig.r().toByteArray();
        byte[] s = sig.s().toByteArray();
        byte[] padded = Bytes.concat(new byte[] {0x30, (byte) (r.length + s.length + 5), 2, (byte) (r.length + 1), 0},
                r, new byte[] {2, (byte) s.length}, s);
        out.add(malformed("superfluous leading zero", sc, EncodedItem.ofMessage(pk, msg, padded), bad));
        out.add(malformed("negative r (high bit set, no leading zero)", sc, EncodedItem.ofMessage(pk, msg,
                new EcSignature(sig.r().negate(), sig.s()).toDer()), bad));
        byte[] unpadded = Bytes.concat(new byte[] {0x30, 0x25, 2, 0x20},
                Bytes.unsigned(sc.requireCurve().n().subtract(BigInteger.ONE), 32), new byte[] {2, 1, 1});
        out.add(malformed("r = n - 1 without its leading zero", sc, EncodedItem.ofMessage(pk, msg, unpadded), bad));
        out.add(malformed("truncated DER", sc, EncodedItem.ofMessage(pk, msg,
                Arrays.copyOf(der, der.length - 1)), bad));
        out.add(malformed("empty signature", sc, EncodedItem.ofMessage(pk, msg, new byte[0]), bad));
        out.add(malformed("raw of 63 bytes", sc, EncodedItem.ofMessage(pk, msg,
                Arrays.copyOf(sig.toRaw(), 63)).withFormat(SignatureFormat.RAW), bad));
        out.add(malformed("raw of 65 bytes", sc, EncodedItem.ofMessage(pk, msg,
                Arrays.copyOf(sig.toRaw(), 65)).withFormat(SignatureFormat.RAW), bad));
        out.add(malformed("DER bytes declared raw", sc, EncodedItem.ofMessage(pk, msg, der)
                .withFormat(SignatureFormat.RAW), bad));
        out.add(malformed("raw bytes declared DER", sc, EncodedItem.ofMessage(pk, msg, sig.toRaw()), bad));
        return out;
    }

    private static List<EdgeCase> malformedShapes(Scheme sc, byte[] pk, byte[] msg, byte[] der) {
        List<EdgeCase> out = new ArrayList<>();
        out.add(malformed("digest of 31 bytes", sc, EncodedItem.ofDigest(pk, new byte[31], der),
                ProblemCode.MALFORMED_DIGEST));
        out.add(malformed("digest of 33 bytes", sc, EncodedItem.ofDigest(pk, new byte[33], der),
                ProblemCode.MALFORMED_DIGEST));
        out.add(malformed("both message and digest", sc, new EncodedItem(pk, msg, new byte[32], der, null, null),
                ProblemCode.MESSAGE_OR_DIGEST));
        out.add(malformed("neither message nor digest", sc, new EncodedItem(pk, null, null, der, null, null),
                ProblemCode.MESSAGE_OR_DIGEST));
        out.add(malformed("raw-recoverable is not a verify format", sc, EncodedItem.ofMessage(pk, msg, der)
                .withFormat(SignatureFormat.RAW_RECOVERABLE), ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT));
        if (sc != Scheme.SM2) {
            out.add(malformed("userId on an ECDSA item", sc, EncodedItem.ofMessage(pk, msg, der)
                    .withUserId(new byte[] {1}), ProblemCode.MALFORMED_USER_ID));
        }
        return out;
    }

    private static EncodedItem raw(byte[] pk, byte[] msg, BigInteger r, BigInteger s) {
        return EncodedItem.ofMessage(pk, msg, Bytes.concat(Bytes.unsigned(r, 32), Bytes.unsigned(s, 32)))
                .withFormat(SignatureFormat.RAW);
    }

    static byte[] flip(byte[] in, int bit) {
        byte[] out = in.clone();
        out[bit / 8] ^= (byte) (1 << (bit % 8));
        return out;
    }
}
