package dev.sigil.crypto;

import java.util.Arrays;

/**
 * A batch of verification items of one scheme under one rule set, as structure of arrays: one contiguous buffer per
 * field, so the CPU path walks it without allocation and an accelerator copies it to its device as it is.
 *
 * <p>Everything that can be decided without curve arithmetic is decided when the item is added (parsing, ranges,
 * the low-S rule, canonical encodings): such items carry a preset {@link Outcome} and have status
 * {@link #PRESET}. A backend computes only the items with status {@link #PENDING}, and for those the columns hold:
 * <ul>
 *   <li>ECDSA and SM2: {@link #key(int)} an {@link EcPublicKey}; 32 bytes of digest (ECDSA's H(m), SM2's e) at
 *       {@code 32*i} of {@link #digests()}; r and s as 32-byte big-endian values in [1, n-1] at {@code 32*i} of
 *       {@link #r()} and {@link #s()}.</li>
 *   <li>Ed25519: an {@link Ed25519PublicKey} that is not of small order; the encoded R (canonical y) and S (&lt; L) at
 *       {@code 32*i} of {@link #r()} and {@link #s()}; the message at
 *       {@code messageOffsets[i] .. messageOffsets[i+1]} of {@link #messages()}.</li>
 *   <li>BIP-340 Schnorr: an {@link XOnlyPublicKey} that {@code lift_x} lifts; r (R.x, below p) and s (below n) as
 *       32-byte big-endian values at {@code 32*i} of {@link #r()} and {@link #s()}; the message at
 *       {@code messageOffsets[i] .. messageOffsets[i+1]} of {@link #messages()}. The challenge
 *       e = hash_BIP0340/challenge(r ‖ P ‖ m) is left to the backend ({@link Bip340#challenge}).</li>
 * </ul>
 * Instances are immutable once built; the arrays returned are the internal buffers and must not be modified.
 */
public final class VerifyBatch {
    /** Status of an item a backend must verify. */
    public static final byte PENDING = 0;
    /** Status of an item whose outcome was decided when it was added. */
    public static final byte PRESET = 1;

    private final Scheme scheme;
    private final RuleSet rules;
    private final int size;
    private final PublicKey[] keys;
    private final byte[] digests;
    private final byte[] r;
    private final byte[] s;
    private final byte[] messages;
    private final int[] messageOffsets;
    private final byte[] status;
    private final Outcome[] preset;
    private final int pending;

    VerifyBatch(Scheme scheme, RuleSet rules, int size, PublicKey[] keys, byte[] digests, byte[] r, byte[] s,
            byte[] messages, int[] messageOffsets, byte[] status, Outcome[] preset) {
        this.scheme = scheme;
        this.rules = rules;
        this.size = size;
        this.keys = keys;
        this.digests = digests;
        this.r = r;
        this.s = s;
        this.messages = messages;
        this.messageOffsets = messageOffsets;
        this.status = status;
        this.preset = preset;
        int p = 0;
        for (int i = 0; i < size; i++) {
            p += status[i] == PENDING ? 1 : 0;
        }
        this.pending = p;
    }

    public static VerifyBatchBuilder builder(Scheme scheme, RuleSet rules) {
        return new VerifyBatchBuilder(scheme, rules, 16);
    }

    public static VerifyBatchBuilder builder(Scheme scheme, RuleSet rules, int expectedSize) {
        return new VerifyBatchBuilder(scheme, rules, expectedSize);
    }

    public Scheme scheme() {
        return scheme;
    }

    public RuleSet rules() {
        return rules;
    }

    public int size() {
        return size;
    }

    /** How many items a backend must compute. */
    public int pendingCount() {
        return pending;
    }

    public boolean isPending(int i) {
        return status[checkIndex(i)] == PENDING;
    }

    /** The parsed key of a pending item (null for preset items). */
    public PublicKey key(int i) {
        return keys[checkIndex(i)];
    }

    public byte[] digests() {
        return digests;
    }

    public byte[] r() {
        return r;
    }

    public byte[] s() {
        return s;
    }

    public byte[] messages() {
        return messages;
    }

    public int[] messageOffsets() {
        return messageOffsets;
    }

    /** The message of an Ed25519 or BIP-340 item. */
    public byte[] message(int i) {
        checkIndex(i);
        return Arrays.copyOfRange(messages, messageOffsets[i], messageOffsets[i + 1]);
    }

    /** 32 bytes of a column at item i. */
    public static byte[] slot(byte[] column, int i) {
        return Arrays.copyOfRange(column, 32 * i, 32 * i + 32);
    }

    /**
     * A new result array of {@link #size()} with every preset outcome filled in and null where the item is pending.
     * A backend fills the nulls.
     */
    public Outcome[] newOutcomes() {
        return preset.clone();
    }

    /** The items {@code [from, to)} as a batch of their own. */
    public VerifyBatch slice(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") of " + size);
        }
        int n = to - from;
        int[] offs = new int[n + 1];
        int base = messageOffsets[from];
        for (int i = 0; i <= n; i++) {
            offs[i] = messageOffsets[from + i] - base;
        }
        return new VerifyBatch(scheme, rules, n, Arrays.copyOfRange(keys, from, to),
                Arrays.copyOfRange(digests, 32 * from, 32 * to), Arrays.copyOfRange(r, 32 * from, 32 * to),
                Arrays.copyOfRange(s, 32 * from, 32 * to),
                Arrays.copyOfRange(messages, base, messageOffsets[to]), offs,
                Arrays.copyOfRange(status, from, to), Arrays.copyOfRange(preset, from, to));
    }

    /**
     * The items of several batches of the same scheme and rule set, one after the other, as one batch: item
     * {@code k} of {@code parts.get(j)} is item {@code k + (sizes of parts 0..j-1)} of the result. Preset outcomes and
     * statuses are kept.
     *
     * @throws IllegalArgumentException when the list is empty or the batches differ in scheme or rule set
     */
    public static VerifyBatch concat(java.util.List<VerifyBatch> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to concatenate");
        }
        VerifyBatch first = parts.getFirst();
        int n = 0;
        int messageBytes = 0;
        for (VerifyBatch b : parts) {
            if (b.scheme != first.scheme || b.rules != first.rules) {
                throw new IllegalArgumentException("batches of " + first.scheme + "/" + first.rules + " and "
                        + b.scheme + "/" + b.rules + " cannot be concatenated");
            }
            n += b.size;
            messageBytes += b.messageOffsets[b.size];
        }
        PublicKey[] keys = new PublicKey[n];
        byte[] digests = new byte[32 * n];
        byte[] r = new byte[32 * n];
        byte[] s = new byte[32 * n];
        byte[] messages = new byte[messageBytes];
        int[] offs = new int[n + 1];
        byte[] status = new byte[n];
        Outcome[] preset = new Outcome[n];
        int at = 0;
        int messageAt = 0;
        for (VerifyBatch b : parts) {
            System.arraycopy(b.keys, 0, keys, at, b.size);
            System.arraycopy(b.digests, 0, digests, 32 * at, 32 * b.size);
            System.arraycopy(b.r, 0, r, 32 * at, 32 * b.size);
            System.arraycopy(b.s, 0, s, 32 * at, 32 * b.size);
            System.arraycopy(b.messages, 0, messages, messageAt, b.messageOffsets[b.size]);
            for (int i = 1; i <= b.size; i++) {
                offs[at + i] = messageAt + b.messageOffsets[i];
            }
            System.arraycopy(b.status, 0, status, at, b.size);
            System.arraycopy(b.preset, 0, preset, at, b.size);
            at += b.size;
            messageAt += b.messageOffsets[b.size];
        }
        return new VerifyBatch(first.scheme, first.rules, n, keys, digests, r, s, messages, offs, status, preset);
    }

    private int checkIndex(int i) {
        return java.util.Objects.checkIndex(i, size);
    }
}
