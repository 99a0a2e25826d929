package dev.sigil.crypto.testing;

import dev.sigil.crypto.Bip340;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Ed25519PublicKey;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.PrivateKeyMaterial;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The one generator of verification test items for every module (unit, differential and conformance tests, the
 * benchmarks and {@code ./sigil soak}). Really seeded: the same scheme, seed and sizes give the same keys, messages,
 * signatures and variants, so any failure can be replayed from its seed. Keys and base signatures are made with
 * Bouncy Castle, the reference (RFC 6979 / HMAC-SM3 deterministic nonces, low-S ECDSA, RFC 8032 Ed25519).
 *
 * <p>From the valid base signatures it makes adversarial variants ({@link Kind}): flipped bits in the signature or
 * the message, message or digest items, DER or raw signatures, compressed or uncompressed keys, high S, r and s
 * swapped, random r and s, out-of-range values (0, n, S + L), a wrong key, non-strict DER, Ed25519 small-order
 * components; for BIP-340 x-only keys that cannot be lifted, r ≥ p, s ≥ n and wrong parities. A new scheme adds its
 * key derivation and signing to {@link #publicKey} and {@link #sign} and says which kinds apply in
 * {@link Kind#appliesTo}; a new operation (secp256k1 recovery) adds a
 * method that derives its items from {@link #signed()}, which keeps each base's key, message and signature.
 */
public final class AdversarialItems {
    private static final Map<Curve, ECDomainParameters> DOMAINS = new ConcurrentHashMap<>();
    private static final PrivateKeyMaterial.Access ACCESS = new PrivateKeyMaterial.Access("test item generator");

    /** What was done to a valid base signature. */
    public enum Kind {
        VALID, SIGNATURE_BIT, MESSAGE_BIT, WRONG_KEY, RANDOM_SIGNATURE,
        /** ECDSA and SM2 only. */
        HIGH_S, SWAPPED_RS, OUT_OF_RANGE, NOT_STRICT_DER,
        /** Ed25519 only: S + L (non-canonical S), and R or A with a crafted small-order component. */
        S_PLUS_L, TORSION,
        /**
         * BIP-340 only: an x-only key that cannot be lifted (x ≥ p, or x³ + 7 not a square), r ≥ p, s ≥ n, and a
         * signature that is right but for a parity (R with odd y, or the secret not negated for a key with odd y).
         */
        XONLY_KEY_NOT_LIFTABLE, R_NOT_BELOW_P, S_NOT_BELOW_N, WRONG_PARITY;

        public boolean appliesTo(Scheme scheme) {
            boolean ed = scheme == Scheme.ED25519;
            boolean schnorr = scheme == Scheme.SCHNORR_SECP256K1;
            return switch (this) {
                case HIGH_S, SWAPPED_RS, OUT_OF_RANGE, NOT_STRICT_DER -> scheme.isWeierstrass();
                case S_PLUS_L, TORSION -> ed;
                case XONLY_KEY_NOT_LIFTABLE, R_NOT_BELOW_P, S_NOT_BELOW_N, WRONG_PARITY -> schnorr;
                default -> true;
            };
        }
    }

    /** A valid signature (raw: r || s, or R || S) with its key and message. */
    public record Signed(SigningKey.Software key, byte[] message, byte[] signature) {
        /** The signature as requests usually carry it: DER for ECDSA and SM2, 64 bytes for Ed25519 and BIP-340. */
        public byte[] encodedSignature() {
            return key.scheme().isWeierstrass() ? EcSignature.fromRaw(signature).toDer() : signature.clone();
        }

        public EncodedItem encoded() {
            return EncodedItem.ofMessage(key.publicKey().encoded(), message, encodedSignature());
        }
    }

    /** A generated item and how it was made from its base. */
    public record Item(Kind kind, EncodedItem item) {
    }

    private final Scheme scheme;
    private final Random rnd;
    private final List<SigningKey.Software> keys = new ArrayList<>();
    private final List<Signed> signed = new ArrayList<>();
    private final List<Kind> kinds;

    /** {@code bases} valid signatures by {@code keyCount} keys over random messages, all from {@code seed}. */
    public AdversarialItems(Scheme scheme, long seed, int keyCount, int bases) {
        this.scheme = scheme;
        this.rnd = new Random(seed * 1_000_003L + scheme.ordinal());
        this.kinds = Arrays.stream(Kind.values()).filter(k -> k.appliesTo(scheme)).toList();
        for (int k = 0; k < keyCount; k++) {
            keys.add(key(scheme, "item-" + k, rnd));
        }
        for (int b = 0; b < bases; b++) {
            SigningKey.Software key = keys.get(b % keyCount);
            byte[] m = new byte[rnd.nextInt(100)];
            rnd.nextBytes(m);
            signed.add(new Signed(key, m, sign(key, m)));
        }
    }

    /** {@code bases} valid signatures by 8 keys. */
    public AdversarialItems(Scheme scheme, long seed, int bases) {
        this(scheme, seed, 8, bases);
    }

    public Scheme scheme() {
        return scheme;
    }

    public List<SigningKey.Software> keys() {
        return List.copyOf(keys);
    }

    /** The valid base signatures. */
    public List<Signed> signed() {
        return List.copyOf(signed);
    }

    /** {@code count} items, each of a random kind that applies to the scheme. */
    public List<EncodedItem> items(int count) {
        List<EncodedItem> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next().item());
        }
        return out;
    }

    /** One item of a random kind (about a third of them valid). */
    public Item next() {
        Kind kind = rnd.nextInt(3) == 0 ? Kind.VALID : kinds.get(rnd.nextInt(kinds.size()));
        return item(kind);
    }

    /** One item of the kind, from a random base. */
    public Item item(Kind kind) {
        if (!kind.appliesTo(scheme)) {
            throw new IllegalArgumentException(kind + " does not apply to " + scheme);
        }
        Signed base = signed.get(rnd.nextInt(signed.size()));
        return new Item(kind, switch (scheme) {
            case ED25519 -> ed25519(kind, base);
            case SCHNORR_SECP256K1 -> schnorr(kind, base);
            default -> weierstrass(kind, base);
        });
    }

    /** A batch of {@code count} items of the kinds given, in turn. */
    public VerifyBatch batch(RuleSet rules, int count, Kind... turns) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, count);
        for (int i = 0; i < count; i++) {
            b.add(turns.length == 0 ? next().item() : item(turns[i % turns.length]).item());
        }
        return b.build();
    }

    private EncodedItem weierstrass(Kind kind, Signed base) {
        BigInteger n = scheme.requireCurve().n();
        EcPublicKey key = (EcPublicKey) base.key().publicKey();
        byte[] msg = base.message();
        EcSignature sig = EcSignature.fromRaw(base.signature());
        switch (kind) {
            case SIGNATURE_BIT -> sig = EcSignature.fromRaw(flip(sig.toRaw()));
            case MESSAGE_BIT -> msg = flip(msg);
            case HIGH_S -> sig = new EcSignature(sig.r(), n.subtract(sig.s()));
            case WRONG_KEY -> key = (EcPublicKey) otherKey(base.key()).publicKey();
            case SWAPPED_RS -> sig = new EcSignature(sig.s(), sig.r());
            case RANDOM_SIGNATURE -> sig = new EcSignature(new BigInteger(256, rnd).mod(n.subtract(BigInteger.ONE))
                    .add(BigInteger.ONE), new BigInteger(256, rnd).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE));
            default -> { }
        }
        byte[] pk = rnd.nextBoolean() ? key.compressed() : key.uncompressed();
        boolean der = rnd.nextBoolean() && kind != Kind.OUT_OF_RANGE;
        byte[] sigBytes = switch (kind) {
            case OUT_OF_RANGE -> outOfRange(sig, n);
            case NOT_STRICT_DER -> {
                der = true;
                yield Arrays.copyOf(sig.toDer(), sig.toDer().length + 1);
            }
            default -> der ? sig.toDer() : sig.toRaw();
        };
        EncodedItem item = rnd.nextInt(3) == 0 && scheme != Scheme.SM2
                ? EncodedItem.ofDigest(pk, Hashes.sha256(msg), sigBytes)
                : EncodedItem.ofMessage(pk, msg, sigBytes);
        return item.withFormat(der ? SignatureFormat.DER : SignatureFormat.RAW);
    }

    /** Raw r || s with r or s set to 0, n or 2^256 - 1. */
    private byte[] outOfRange(EcSignature sig, BigInteger n) {
        BigInteger bad = switch (rnd.nextInt(3)) {
            case 0 -> BigInteger.ZERO;
            case 1 -> n;
            default -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
        };
        byte[] raw = sig.toRaw();
        System.arraycopy(unsigned32(bad), 0, raw, rnd.nextBoolean() ? 0 : 32, 32);
        return raw;
    }

    private EncodedItem ed25519(Kind kind, Signed base) {
        byte[] pk = base.key().publicKey().encoded();
        byte[] msg = base.message();
        byte[] sig = base.signature().clone();
        switch (kind) {
            case SIGNATURE_BIT -> sig[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
            case MESSAGE_BIT -> msg = flip(msg);
            case WRONG_KEY -> pk = otherKey(base.key()).publicKey().encoded();
            case S_PLUS_L -> sig = Ed25519Torsion.sPlusL(sig);
            case RANDOM_SIGNATURE -> rnd.nextBytes(sig);
            case TORSION -> {
                return Ed25519Torsion.crafted(rnd).item();
            }
            default -> { }
        }
        return EncodedItem.ofMessage(pk, msg, sig);
    }

    private EncodedItem schnorr(Kind kind, Signed base) {
        byte[] pk = base.key().publicKey().encoded();
        byte[] msg = base.message();
        byte[] sig = base.signature().clone();
        Curve c = Curve.SECP256K1;
        switch (kind) {
            case SIGNATURE_BIT -> sig[rnd.nextInt(64)] ^= (byte) (1 << rnd.nextInt(8));
            case MESSAGE_BIT -> msg = flip(msg);
            case WRONG_KEY -> pk = otherKey(base.key()).publicKey().encoded();
            case RANDOM_SIGNATURE -> rnd.nextBytes(sig);
            case XONLY_KEY_NOT_LIFTABLE -> pk = notLiftable();
            case R_NOT_BELOW_P -> System.arraycopy(unsigned32(atLeast(c.p())), 0, sig, 0, 32);
            case S_NOT_BELOW_N -> {
                BigInteger sv = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64)).add(c.n());
                System.arraycopy(unsigned32(sv.bitLength() <= 256 && rnd.nextBoolean() ? sv : atLeast(c.n())), 0,
                        sig, 32, 32);
            }
            case WRONG_PARITY -> sig = Bip340Variants.wrongParity(base.key(), msg, rnd);
            default -> { }
        }
        return EncodedItem.ofMessage(pk, msg, sig);
    }

    /** A value in [floor, 2^256): floor itself, 2^256 - 1, or one at random. */
    private BigInteger atLeast(BigInteger floor) {
        BigInteger span = BigInteger.ONE.shiftLeft(256).subtract(floor);
        return switch (rnd.nextInt(3)) {
            case 0 -> floor;
            case 1 -> BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
            default -> floor.add(new BigInteger(256, rnd).mod(span));
        };
    }

    /** 32 bytes that BIP-340's lift_x refuses: x ≥ p, or an x below p with x³ + 7 not a square. */
    private byte[] notLiftable() {
        if (rnd.nextBoolean()) {
            return unsigned32(atLeast(Curve.SECP256K1.p()));
        }
        while (true) {
            BigInteger x = new BigInteger(256, rnd).mod(Curve.SECP256K1.p());
            if (Curve.SECP256K1.decompress(x, false).isEmpty()) {
                return unsigned32(x);
            }
        }
    }

    /** A batch of the signed items as they are. */
    public static VerifyBatch batch(Scheme scheme, RuleSet rules, List<Signed> items) {
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, items.size());
        items.forEach(s -> b.add(s.encoded()));
        return b.build();
    }

    /** {@code count} Ed25519 items with crafted small-order components in R, A or both, from {@code seed}. */
    public static List<Ed25519Torsion.Crafted> torsion(long seed, int count) {
        Random r = new Random(seed);
        List<Ed25519Torsion.Crafted> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(Ed25519Torsion.crafted(r));
        }
        return out;
    }

    private SigningKey.Software otherKey(SigningKey.Software key) {
        return keys.get((keys.indexOf(key) + 1) % keys.size());
    }

    private byte[] flip(byte[] in) {
        byte[] out = in.length == 0 ? new byte[1] : in.clone();
        out[rnd.nextInt(out.length)] ^= (byte) (1 << rnd.nextInt(8));
        return out;
    }

    /** A software key from the seeded source: d uniform in [1, n-1] (ECDSA, SM2, BIP-340), or a 32-byte Ed25519 seed. */
    public static SigningKey.Software key(Scheme scheme, String keyId, Random source) {
        byte[] secret = new byte[32];
        if (scheme == Scheme.ED25519) {
            source.nextBytes(secret);
        } else {
            BigInteger n = scheme.requireCurve().n();
            secret = unsigned32(new BigInteger(320, source).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE));
        }
        return new SigningKey.Software(keyId, publicKey(scheme, secret), PrivateKeyMaterial.of(secret));
    }

    /** A software key made from {@code seed} alone. */
    public static SigningKey.Software key(Scheme scheme, long seed) {
        return key(scheme, "test-" + scheme.wireName() + "-" + seed, new Random(seed));
    }

    private static PublicKey publicKey(Scheme scheme, byte[] secret) {
        if (scheme == Scheme.ED25519) {
            byte[] pk = new byte[32];
            Ed25519.generatePublicKey(secret, 0, pk, 0);
            return Ed25519PublicKey.parse(pk);
        }
        if (scheme == Scheme.SCHNORR_SECP256K1) {
            return Bip340.publicKey(new BigInteger(1, secret));
        }
        ECPoint q = new FixedPointCombMultiplier().multiply(domain(scheme.requireCurve()).getG(),
                new BigInteger(1, secret)).normalize();
        return EcPublicKey.ofPoint(scheme, q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
    }

    /**
     * The reference signature (raw) over a message: low-S ECDSA over SHA-256 with RFC 6979 nonces, SM2 over
     * e = SM3(Z_A || M) with the default user id and HMAC-SM3 nonces, RFC 8032 Ed25519, BIP-340 with
     * aux = SHA-256(M) (so the generator stays a function of its seed).
     */
    public static byte[] sign(SigningKey.Software key, byte[] message) {
        Scheme scheme = key.scheme();
        byte[] secret = key.privateKey().reveal(ACCESS);
        if (scheme == Scheme.ED25519) {
            byte[] sig = new byte[64];
            Ed25519.sign(secret, 0, key.publicKey().encoded(), 0, message, 0, message.length, sig, 0);
            return sig;
        }
        if (scheme == Scheme.SCHNORR_SECP256K1) {
            return Bip340.sign(secret, message, Hashes.sha256(message));
        }
        Curve curve = scheme.requireCurve();
        ECDomainParameters d = domain(curve);
        BigInteger priv = new BigInteger(1, secret);
        if (scheme == Scheme.SM2) {
            byte[] e = Sm2.e(Sm2.DEFAULT_USER_ID, (EcPublicKey) key.publicKey(), message);
            return sm2(d, priv, e);
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(priv, d));
        BigInteger[] rs = signer.generateSignature(Hashes.sha256(message));
        return new EcSignature(rs[0], rs[1]).normalizedLowS(curve).toRaw();
    }

    private static byte[] sm2(ECDomainParameters d, BigInteger priv, byte[] e) {
        BigInteger n = d.getN();
        BigInteger ev = new BigInteger(1, e);
        HMacDSAKCalculator k = new HMacDSAKCalculator(new SM3Digest());
        k.init(n, priv, e);
        BigInteger inv = priv.add(BigInteger.ONE).modInverse(n);
        while (true) {
            BigInteger kv = k.nextK();
            BigInteger r = ev.add(new FixedPointCombMultiplier().multiply(d.getG(), kv).normalize()
                    .getAffineXCoord().toBigInteger()).mod(n);
            BigInteger s = inv.multiply(kv.subtract(r.multiply(priv))).mod(n);
            if (r.signum() != 0 && !r.add(kv).equals(n) && s.signum() != 0) {
                return new EcSignature(r, s).toRaw();
            }
        }
    }

    private static ECDomainParameters domain(Curve c) {
        return DOMAINS.computeIfAbsent(c, k -> new ECDomainParameters(CustomNamedCurves.getByName(k.curveName())));
    }

    static byte[] unsigned32(BigInteger v) {
        byte[] be = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(32, be.length);
        System.arraycopy(be, be.length - len, out, 32 - len, len);
        return out;
    }
}
