package dev.sigil.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A batch of secp256k1 public-key recovery items under one rule set, as structure of arrays (like
 * {@link VerifyBatch}): one contiguous buffer per field, so the CPU path walks it without allocation and an
 * accelerator copies it to its device as it is.
 *
 * <p>Everything decided without curve arithmetic is decided when the item is added (parsing, v, ranges, the low-S
 * rule): such items carry a preset {@link Outcome} and are not pending. For a pending item i the columns hold the
 * 32-byte digest at {@code 32*i} of {@link #digests()}, r and s as 32-byte big-endian values in [1, n-1] at
 * {@code 32*i} of {@link #r()} and {@link #s()}, and the recovery id (the parity of R's y, 0 or 1) at {@code i} of
 * {@link #recoveryIds()}. Instances are immutable once built; the arrays returned are the internal buffers and must
 * not be modified.
 */
public final class RecoverBatch {
    private final RuleSet rules;
    private final int size;
    private final byte[] digests;
    private final byte[] r;
    private final byte[] s;
    private final byte[] recoveryIds;
    private final byte[] status;
    private final Outcome[] preset;
    private final int pending;

    RecoverBatch(RuleSet rules, int size, byte[] digests, byte[] r, byte[] s, byte[] recoveryIds, byte[] status,
            Outcome[] preset) {
        this.rules = rules;
        this.size = size;
        this.digests = digests;
        this.r = r;
        this.s = s;
        this.recoveryIds = recoveryIds;
        this.status = status;
        this.preset = preset;
        int p = 0;
        for (int i = 0; i < size; i++) {
            p += status[i] == VerifyBatch.PENDING ? 1 : 0;
        }
        this.pending = p;
    }

    public static RecoverBatchBuilder builder(RuleSet rules) {
        return new RecoverBatchBuilder(rules, 16);
    }

    public static RecoverBatchBuilder builder(RuleSet rules, int expectedSize) {
        return new RecoverBatchBuilder(rules, expectedSize);
    }

    /** Always {@link Scheme#ECDSA_SECP256K1}: the one recoverable scheme. */
    public Scheme scheme() {
        return Scheme.ECDSA_SECP256K1;
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
        return status[Objects.checkIndex(i, size)] == VerifyBatch.PENDING;
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

    /** One byte per item: 0 or 1 for a pending item. */
    public byte[] recoveryIds() {
        return recoveryIds;
    }

    public int recoveryId(int i) {
        return recoveryIds[Objects.checkIndex(i, size)];
    }

    /**
     * A new result array of {@link #size()} with every preset outcome filled in and null where the item is pending.
     * A backend fills the nulls.
     */
    public Outcome[] newOutcomes() {
        return preset.clone();
    }

    /** The items {@code [from, to)} as a batch of their own. */
    public RecoverBatch slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new RecoverBatch(rules, to - from, Arrays.copyOfRange(digests, 32 * from, 32 * to),
                Arrays.copyOfRange(r, 32 * from, 32 * to), Arrays.copyOfRange(s, 32 * from, 32 * to),
                Arrays.copyOfRange(recoveryIds, from, to), Arrays.copyOfRange(status, from, to),
                Arrays.copyOfRange(preset, from, to));
    }
}
