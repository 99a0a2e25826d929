package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Builds a {@link VerifyBatch}, deciding at once every item that needs no curve arithmetic. Not thread-safe.
 * The same parsing serves the HTTP edge, the tests and the benchmarks, so every path applies identical rules.
 */
public final class VerifyBatchBuilder {
    private static final KeyCache DEFAULT_CACHE = new KeyCache(65_536);
    private static final CertificateCache DEFAULT_CERTIFICATES = new CertificateCache(4_096, 8L << 20);

    private final Scheme scheme;
    private final RuleSet rules;
    private KeyCache cache = DEFAULT_CACHE;
    private CertificateCache certificates = DEFAULT_CERTIFICATES;
    private int size;
    private PublicKey[] keys;
    private byte[] digests;
    private byte[] r;
    private byte[] s;
    private byte[] messages = new byte[0];
    private int messagesLen;
    private int[] messageOffsets;
    private byte[] status;
    private Outcome[] preset;

    VerifyBatchBuilder(Scheme scheme, RuleSet rules, int expected) {
        this.scheme = java.util.Objects.requireNonNull(scheme);
        this.rules = java.util.Objects.requireNonNull(rules);
        int cap = Math.max(1, expected);
        keys = new PublicKey[cap];
        digests = new byte[32 * cap];
        r = new byte[32 * cap];
        s = new byte[32 * cap];
        messageOffsets = new int[cap + 1];
        status = new byte[cap];
        preset = new Outcome[cap];
    }

    /** Uses this cache for key parsing instead of the process-wide one. */
    public VerifyBatchBuilder keyCache(KeyCache keyCache) {
        this.cache = keyCache;
        return this;
    }

    /** Uses this cache for the keys of certificates instead of the process-wide one. */
    public VerifyBatchBuilder certificateCache(CertificateCache certificateCache) {
        this.certificates = certificateCache;
        return this;
    }

    public int size() {
        return size;
    }

    /** Adds an item that is already known to be malformed. */
    public VerifyBatchBuilder addMalformed(ProblemCode code, String detail) {
        return addPreset(Outcome.malformed(code, detail));
    }

    /** Parses an encoded item and adds it; problems become preset outcomes, never exceptions. */
    public VerifyBatchBuilder add(EncodedItem item) {
        try {
            checkKeySource(item);
            if (scheme == Scheme.ED25519) {
                addEd25519Encoded(item);
            } else if (scheme == Scheme.SCHNORR_SECP256K1) {
                addSchnorrEncoded(item);
            } else {
                addWeierstrassEncoded(item);
            }
        } catch (MalformedInputException e) {
            addMalformed(e.code(), e.getMessage());
        }
        return this;
    }

    private void addWeierstrassEncoded(EncodedItem item) {
        if (item.userId() != null && scheme != Scheme.SM2) {
            throw new MalformedInputException(ProblemCode.MALFORMED_USER_ID, "userId is for sm2 items only");
        }
        checkMessageOrDigest(item);
        SignatureFormat format = item.format() == null ? SignatureFormat.DER : item.format();
        if (format == SignatureFormat.RAW_RECOVERABLE) {
            throw new MalformedInputException(ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT,
                    "signatureFormat for verification is der or raw");
        }
        EcPublicKey key = (EcPublicKey) publicKey(item);
        EcSignature sig = EcSignature.parse(format, item.signature());
        byte[] digest;
        if (item.digest() != null) {
            if (item.digest().length != 32) {
                throw new MalformedInputException(ProblemCode.MALFORMED_DIGEST,
                        "digest must be 32 bytes, got " + item.digest().length);
            }
            digest = item.digest();
        } else {
            byte[] uid = item.userId() == null ? Sm2.DEFAULT_USER_ID : item.userId();
            digest = Hashes.signedDigest(scheme, key, uid, item.message());
        }
        addEc(key, digest, sig);
    }

    private void addEd25519Encoded(EncodedItem item) {
        if (item.userId() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_USER_ID, "userId is for sm2 items only");
        }
        if (item.digest() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_DIGEST,
                    "ed25519 takes a message, not a digest");
        }
        if (item.message() == null) {
            throw new MalformedInputException(ProblemCode.MESSAGE_OR_DIGEST, "message is required");
        }
        if (item.format() != null && item.format() != SignatureFormat.RAW) {
            throw new MalformedInputException(ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT,
                    "ed25519 signatures are 64 raw bytes; signatureFormat does not apply");
        }
        Ed25519PublicKey key = (Ed25519PublicKey) publicKey(item);
        addEd25519(key, item.message(), item.signature());
    }

    private void checkKeySource(EncodedItem item) {
        if ((item.publicKey() == null) == (item.certificate() == null)) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM,
                    "exactly one of publicKey and certificate is required");
        }
        if (item.certificate() != null && !CertificateKeys.SCHEMES.contains(scheme)) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM,
                    "certificate is not allowed for " + scheme.wireName() + " items");
        }
    }

    /** The item's key, from its bytes or its certificate, through the caches. */
    private PublicKey publicKey(EncodedItem item) {
        return item.certificate() != null ? certificates.parse(scheme, item.certificate())
                : cache.parse(scheme, item.publicKey());
    }

    private void addSchnorrEncoded(EncodedItem item) {
        if (item.digest() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM,
                    "schnorr-secp256k1 takes a message, not a digest (BIP-340 hashes it inside)");
        }
        if (item.format() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM,
                    "schnorr-secp256k1 signatures are 64 bytes; signatureFormat is not allowed");
        }
        if (item.userId() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM, "userId is for sm2 items only");
        }
        if (item.message() == null) {
            throw new MalformedInputException(ProblemCode.MESSAGE_OR_DIGEST, "message is required");
        }
        XOnlyPublicKey key = (XOnlyPublicKey) publicKey(item);
        addSchnorr(key, item.message(), item.signature());
    }

    private static void checkMessageOrDigest(EncodedItem item) {
        if ((item.message() == null) == (item.digest() == null)) {
            throw new MalformedInputException(ProblemCode.MESSAGE_OR_DIGEST,
                    "exactly one of message and digest is required");
        }
    }

    /**
     * Adds an ECDSA or SM2 item. r or s outside [1, n-1], and high S under {@link RuleSet#LOW_S} for ECDSA, are
     * decided {@code INVALID} here.
     */
    public VerifyBatchBuilder addEc(EcPublicKey key, byte[] digest, EcSignature sig) {
        if (key.scheme() != scheme) {
            throw new IllegalArgumentException("key of " + key.scheme() + " in a " + scheme + " batch");
        }
        if (digest.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
        Curve curve = scheme.requireCurve();
        if (!sig.inRange(curve) || (rules.rejectsHighS(scheme) && sig.isHighS(curve))) {
            return addPreset(Outcome.INVALID);
        }
        int i = grow();
        keys[i] = key;
        System.arraycopy(digest, 0, digests, 32 * i, 32);
        Bytes.putUnsigned(sig.r(), r, 32 * i, 32);
        Bytes.putUnsigned(sig.s(), s, 32 * i, 32);
        return commit(i, null, VerifyBatch.PENDING);
    }

    /**
     * Adds an Ed25519 item. A signature that is not 64 bytes is malformed; S ≥ L, a non-canonical R, and a
     * small-order public key are decided {@code INVALID} here (as Bouncy Castle decides them).
     */
    public VerifyBatchBuilder addEd25519(Ed25519PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != 64) {
            return addMalformed(ProblemCode.MALFORMED_SIGNATURE,
                    "an ed25519 signature is 64 bytes, got " + signature.length);
        }
        byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
        byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
        BigInteger sv = new BigInteger(1, Bytes.reversed(sBytes));
        if (key.isSmallOrder() || sv.compareTo(Ed25519PublicKey.L) >= 0
                || Ed25519PublicKey.yOf(rBytes).compareTo(Ed25519PublicKey.P) >= 0) {
            return addPreset(Outcome.INVALID);
        }
        int i = grow();
        keys[i] = key;
        System.arraycopy(rBytes, 0, r, 32 * i, 32);
        System.arraycopy(sBytes, 0, s, 32 * i, 32);
        appendMessage(message);
        messageOffsets[i + 1] = messagesLen;
        status[i] = VerifyBatch.PENDING;
        size++;
        return this;
    }

    /**
     * Adds a BIP-340 item. A signature that is not 64 bytes is malformed; a key that {@code lift_x} cannot lift,
     * r ≥ p and s ≥ n are decided {@code INVALID} here (BIP-340's "fail").
     */
    public VerifyBatchBuilder addSchnorr(XOnlyPublicKey key, byte[] message, byte[] signature) {
        if (scheme != Scheme.SCHNORR_SECP256K1) {
            throw new IllegalArgumentException("x-only key in a " + scheme + " batch");
        }
        if (signature.length != Bip340.SIGNATURE_BYTES) {
            return addMalformed(ProblemCode.MALFORMED_SIGNATURE,
                    "a schnorr-secp256k1 signature is 64 bytes, got " + signature.length);
        }
        byte[] rBytes = Arrays.copyOfRange(signature, 0, 32);
        byte[] sBytes = Arrays.copyOfRange(signature, 32, 64);
        Curve c = Curve.SECP256K1;
        if (!key.isLiftable() || new BigInteger(1, rBytes).compareTo(c.p()) >= 0
                || new BigInteger(1, sBytes).compareTo(c.n()) >= 0) {
            return addPreset(Outcome.INVALID);
        }
        int i = grow();
        keys[i] = key;
        System.arraycopy(rBytes, 0, r, 32 * i, 32);
        System.arraycopy(sBytes, 0, s, 32 * i, 32);
        appendMessage(message);
        messageOffsets[i + 1] = messagesLen;
        status[i] = VerifyBatch.PENDING;
        size++;
        return this;
    }

    private VerifyBatchBuilder addPreset(Outcome outcome) {
        int i = grow();
        return commit(i, outcome, VerifyBatch.PRESET);
    }

    private VerifyBatchBuilder commit(int i, Outcome outcome, byte st) {
        preset[i] = outcome;
        status[i] = st;
        messageOffsets[i + 1] = messagesLen;
        size++;
        return this;
    }

    private void appendMessage(byte[] m) {
        if (messagesLen + m.length > messages.length) {
            messages = Arrays.copyOf(messages, Math.max(messages.length * 2, messagesLen + m.length));
        }
        System.arraycopy(m, 0, messages, messagesLen, m.length);
        messagesLen += m.length;
    }

    private int grow() {
        if (size == keys.length) {
            int cap = keys.length * 2;
            keys = Arrays.copyOf(keys, cap);
            digests = Arrays.copyOf(digests, 32 * cap);
            r = Arrays.copyOf(r, 32 * cap);
            s = Arrays.copyOf(s, 32 * cap);
            messageOffsets = Arrays.copyOf(messageOffsets, cap + 1);
            status = Arrays.copyOf(status, cap);
            preset = Arrays.copyOf(preset, cap);
        }
        return size;
    }

    /** The batch; the builder must not be used afterwards. */
    public VerifyBatch build() {
        int n = size;
        return new VerifyBatch(scheme, rules, n, Arrays.copyOf(keys, n), Arrays.copyOf(digests, 32 * n),
                Arrays.copyOf(r, 32 * n), Arrays.copyOf(s, 32 * n), Arrays.copyOf(messages, messagesLen),
                Arrays.copyOf(messageOffsets, n + 1), Arrays.copyOf(status, n), Arrays.copyOf(preset, n));
    }
}
