package dev.sigil.gpu;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.BackendException;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The kernel result codes (the kernels get them as {@code RESULT_*} in the generated header) and how they become
 * outcomes. Code 2 (Ed25519 only: D = [S]B - R - [k]A is a nonzero point of small
 * order, where cofactorless and cofactored verifiers differ) is decided by the reference implementation, Bouncy
 * Castle's {@code Ed25519.verify}; such items need a crafted torsion component and are rare. Any other code is a device
 * error: the batch fails rather than answering wrongly.
 */
final class ResultDecoder {
    static final byte INVALID = 0;
    static final byte VALID = 1;
    static final byte TORSION = 2;
    static final byte DEVICE_ERROR = 3;

    private ResultDecoder() {
    }

    /** Decodes the codes into {@code out}; returns how many items the host decided (code {@link #TORSION}). */
    static int decode(VerifyBatch batch, int[] idx, byte[] codes, Outcome[] out) {
        int onHost = 0;
        for (int t = 0; t < idx.length; t++) {
            int i = idx[t];
            out[i] = switch (codes[t]) {
                case INVALID -> Outcome.INVALID;
                case VALID -> Outcome.VALID;
                case TORSION -> {
                    if (batch.scheme() != Scheme.ED25519) {
                        throw deviceError(codes[t], i);
                    }
                    onHost++;
                    yield Outcome.of(referenceEd25519(batch, i));
                }
                default -> throw deviceError(codes[t], i);
            };
        }
        return onHost;
    }

    static boolean referenceEd25519(VerifyBatch batch, int i) {
        byte[] sig = new byte[64];
        System.arraycopy(batch.r(), 32 * i, sig, 0, 32);
        System.arraycopy(batch.s(), 32 * i, sig, 32, 32);
        byte[] pk = batch.key(i).encoded();
        byte[] m = batch.message(i);
        return Ed25519.verify(sig, 0, pk, 0, m, 0, m.length);
    }

    private static BackendException deviceError(byte code, int item) {
        return new BackendException.DeviceFailure(OpenClBackend.ID,
                "kernel returned result code " + code + " for item " + item, null);
    }
}
