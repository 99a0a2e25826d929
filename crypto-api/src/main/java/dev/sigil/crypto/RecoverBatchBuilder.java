package dev.sigil.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * Builds a {@link RecoverBatch}, deciding at once every item that needs no curve arithmetic. Not thread-safe. The
 * same parsing serves the HTTP edge, the tests and the benchmarks.
 *
 * <p>An encoded item carries exactly one of a message (hashed with SHA-256) or a 32-byte digest, and a 65-byte
 * signature r ‖ s ‖ v with v in {0, 1, 27, 28} (27 and 28 are Ethereum's 0 and 1); no public key, no user ID, and a
 * signature format that is absent or {@code raw-recoverable}. Anything else is malformed. r or s outside [1, n-1],
 * and s &gt; n/2 under {@link RuleSet#LOW_S}, are {@code INVALID}.
 */
public final class RecoverBatchBuilder {
    /** Bytes of a recoverable signature: r ‖ s ‖ v. */
    public static final int SIGNATURE_BYTES = 65;

    private final RuleSet rules;
    private int size;
    private byte[] digests;
    private byte[] r;
    private byte[] s;
    private byte[] recoveryIds;
    private byte[] status;
    private Outcome[] preset;

    RecoverBatchBuilder(RuleSet rules, int expected) {
        this.rules = Objects.requireNonNull(rules);
        int cap = Math.max(1, expected);
        digests = new byte[32 * cap];
        r = new byte[32 * cap];
        s = new byte[32 * cap];
        recoveryIds = new byte[cap];
        status = new byte[cap];
        preset = new Outcome[cap];
    }

    public int size() {
        return size;
    }

    /** Adds an item that is already known to be malformed. */
    public RecoverBatchBuilder addMalformed(ProblemCode code, String detail) {
        return addPreset(Outcome.malformed(code, detail));
    }

    /** Parses an encoded item and adds it; problems become preset outcomes, never exceptions. */
    public RecoverBatchBuilder add(EncodedItem item) {
        try {
            addEncoded(item);
        } catch (MalformedInputException e) {
            addMalformed(e.code(), e.getMessage());
        }
        return this;
    }

    private void addEncoded(EncodedItem item) {
        if (item.publicKey() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_ITEM,
                    "a recovery item carries no publicKey: the key is what is recovered");
        }
        if (item.userId() != null) {
            throw new MalformedInputException(ProblemCode.MALFORMED_USER_ID, "userId is for sm2 items only");
        }
        if ((item.message() == null) == (item.digest() == null)) {
            throw new MalformedInputException(ProblemCode.MESSAGE_OR_DIGEST,
                    "exactly one of message and digest is required");
        }
        if (item.format() != null && item.format() != SignatureFormat.RAW_RECOVERABLE) {
            throw new MalformedInputException(ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT,
                    "recovery takes 65-byte r ‖ s ‖ v signatures (raw-recoverable)");
        }
        byte[] digest = item.digest() != null ? item.digest() : Hashes.sha256(item.message());
        if (digest.length != 32) {
            throw new MalformedInputException(ProblemCode.MALFORMED_DIGEST,
                    "digest must be 32 bytes, got " + digest.length);
        }
        byte[] sig = item.signature();
        if (sig == null || sig.length != SIGNATURE_BYTES) {
            throw new MalformedInputException(ProblemCode.MALFORMED_SIGNATURE,
                    "a recoverable signature is 65 bytes (r ‖ s ‖ v), got " + (sig == null ? 0 : sig.length));
        }
        int v = recoveryId(sig[64] & 0xff);
        addRecoverable(digest, EcSignature.fromRaw(Arrays.copyOf(sig, 64)), v);
    }

    /**
     * The recovery id of a wire v: 0 and 27 are 0, 1 and 28 are 1.
     *
     * @throws MalformedInputException MALFORMED_SIGNATURE for any other value
     */
    public static int recoveryId(int v) {
        return switch (v) {
            case 0, 27 -> 0;
            case 1, 28 -> 1;
            default -> throw new MalformedInputException(ProblemCode.MALFORMED_SIGNATURE,
                    "v must be 0, 1, 27 or 28");
        };
    }

    /**
     * Adds a parsed item: the 32-byte digest, (r, s), and the recovery id 0 or 1. r or s outside [1, n-1], and high
     * S under {@link RuleSet#LOW_S}, are decided {@code INVALID} here.
     */
    public RecoverBatchBuilder addRecoverable(byte[] digest, EcSignature sig, int recoveryId) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("digest must be 32 bytes");
        }
        if (recoveryId != 0 && recoveryId != 1) {
            throw new IllegalArgumentException("recovery id must be 0 or 1");
        }
        Curve curve = Curve.SECP256K1;
        if (!sig.inRange(curve) || (rules.rejectsHighS(Scheme.ECDSA_SECP256K1) && sig.isHighS(curve))) {
            return addPreset(Outcome.INVALID);
        }
        int i = grow();
        System.arraycopy(digest, 0, digests, 32 * i, 32);
        Bytes.putUnsigned(sig.r(), r, 32 * i, 32);
        Bytes.putUnsigned(sig.s(), s, 32 * i, 32);
        recoveryIds[i] = (byte) recoveryId;
        return commit(i, null, VerifyBatch.PENDING);
    }

    private RecoverBatchBuilder addPreset(Outcome outcome) {
        return commit(grow(), outcome, VerifyBatch.PRESET);
    }

    private RecoverBatchBuilder commit(int i, Outcome outcome, byte st) {
        preset[i] = outcome;
        status[i] = st;
        size++;
        return this;
    }

    private int grow() {
        if (size == status.length) {
            int cap = status.length * 2;
            digests = Arrays.copyOf(digests, 32 * cap);
            r = Arrays.copyOf(r, 32 * cap);
            s = Arrays.copyOf(s, 32 * cap);
            recoveryIds = Arrays.copyOf(recoveryIds, cap);
            status = Arrays.copyOf(status, cap);
            preset = Arrays.copyOf(preset, cap);
        }
        return size;
    }

    /** The batch; the builder must not be used afterwards. */
    public RecoverBatch build() {
        int n = size;
        return new RecoverBatch(rules, n, Arrays.copyOf(digests, 32 * n), Arrays.copyOf(r, 32 * n),
                Arrays.copyOf(s, 32 * n), Arrays.copyOf(recoveryIds, n), Arrays.copyOf(status, n),
                Arrays.copyOf(preset, n));
    }
}
