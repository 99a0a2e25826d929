package dev.sigil.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a recovery batch gave: one {@link Outcome} per item and, for each {@code VALID} item, the recovered point as
 * 64 bytes x ‖ y (big-endian, affine) at {@code 64*i} of one buffer (zeros for the other items), so a backend fills
 * it without allocating per item.
 */
public final class RecoveredKeys {
    /** Bytes per recovered point: x ‖ y. */
    public static final int POINT_BYTES = 64;

    private final Outcome[] outcomes;
    private final byte[] points;

    /**
     * Takes the arrays as they are (no copy).
     *
     * @throws IllegalArgumentException when the lengths disagree
     */
    public RecoveredKeys(Outcome[] outcomes, byte[] points) {
        if (points.length != POINT_BYTES * outcomes.length) {
            throw new IllegalArgumentException("points must hold 64 bytes per outcome");
        }
        this.outcomes = outcomes;
        this.points = points;
    }

    public int size() {
        return outcomes.length;
    }

    /** The outcomes, in item order (the internal array: not to be modified). */
    public Outcome[] outcomes() {
        return outcomes;
    }

    public Outcome outcome(int i) {
        return outcomes[i];
    }

    /** The x ‖ y buffer (the internal array: not to be modified). */
    public byte[] points() {
        return points;
    }

    /** The recovered key of item i as SEC1 uncompressed bytes (04 ‖ x ‖ y), or null when it is not valid. */
    public byte[] uncompressed(int i) {
        if (!outcomes[i].isValid()) {
            return null;
        }
        byte[] out = new byte[65];
        out[0] = 0x04;
        System.arraycopy(points, POINT_BYTES * i, out, 1, POINT_BYTES);
        return out;
    }

    /**
     * The Ethereum address of item i's recovered key: the last 20 bytes of Keccak-256 of x ‖ y; null when it is not
     * valid.
     */
    public byte[] address(int i) {
        if (!outcomes[i].isValid()) {
            return null;
        }
        return ethereumAddress(Arrays.copyOfRange(points, POINT_BYTES * i, POINT_BYTES * (i + 1)));
    }

    /** The recovered key of item i, or null when it is not valid. */
    public EcPublicKey publicKey(int i) {
        if (!outcomes[i].isValid()) {
            return null;
        }
        int at = POINT_BYTES * i;
        return EcPublicKey.ofPoint(Scheme.ECDSA_SECP256K1,
                new BigInteger(1, Arrays.copyOfRange(points, at, at + 32)),
                new BigInteger(1, Arrays.copyOfRange(points, at + 32, at + 64)));
    }

    /** The Ethereum address of a point given as 64 bytes x ‖ y: the last 20 bytes of its Keccak-256. */
    public static byte[] ethereumAddress(byte[] xy) {
        if (xy.length != POINT_BYTES) {
            throw new IllegalArgumentException("an address is made from 64 bytes x ‖ y");
        }
        return Arrays.copyOfRange(Hashes.keccak256(xy), 12, 32);
    }

    /** True when both hold the same outcomes and, for valid items, the same points. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RecoveredKeys other) || other.outcomes.length != outcomes.length) {
            return false;
        }
        for (int i = 0; i < outcomes.length; i++) {
            if (!Objects.equals(outcomes[i], other.outcomes[i])
                    || (outcomes[i] != null && outcomes[i].isValid()
                    && !Arrays.equals(points, POINT_BYTES * i, POINT_BYTES * (i + 1),
                    other.points, POINT_BYTES * i, POINT_BYTES * (i + 1)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(outcomes);
    }
}
