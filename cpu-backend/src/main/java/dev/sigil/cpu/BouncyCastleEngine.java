package dev.sigil.cpu;

import dev.sigil.crypto.Bytes;
import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import java.math.BigInteger;
import java.util.Optional;
import org.bouncycastle.crypto.signers.ECDSASigner;

/** The reference: Bouncy Castle for every scheme ({@link CpuVerifier}, {@link CpuSigner}). */
final class BouncyCastleEngine implements Engine {
    static final String LIBRARY = "Bouncy Castle " + version();

    private final CpuVerifier verifier = new CpuVerifier();

    @Override
    public String library() {
        return LIBRARY;
    }

    @Override
    public void verify(VerifyBatch batch, Outcome[] out, int from, int to) {
        verifier.verifyRange(batch, out, from, to);
    }

    /** The reference outcome of one pending item. */
    boolean verifyOne(VerifyBatch batch, int i) {
        return verifier.verifyOne(batch, i);
    }

    /** The reference recovery: {@link EcArithmetic#recoverPublicKey} on Bouncy Castle's curve arithmetic. */
    @Override
    public void recover(RecoverBatch batch, Outcome[] out, byte[] points, int from, int to) {
        for (int i = from; i < to; i++) {
            if (batch.isPending(i)) {
                out[i] = recoverOne(batch, i, points);
            }
        }
    }

    /** The reference outcome of one pending recovery item, its point written at {@code 64*i} when valid. */
    static Outcome recoverOne(RecoverBatch batch, int i, byte[] points) {
        Optional<BigInteger[]> q = EcArithmetic.recoverPublicKey(VerifyBatch.slot(batch.digests(), i),
                new BigInteger(1, VerifyBatch.slot(batch.r(), i)), new BigInteger(1, VerifyBatch.slot(batch.s(), i)),
                batch.recoveryId(i));
        if (q.isEmpty()) {
            return Outcome.INVALID;
        }
        Bytes.putUnsigned(q.get()[0], points, 64 * i, 32);
        Bytes.putUnsigned(q.get()[1], points, 64 * i + 32, 32);
        return Outcome.VALID;
    }

    @Override
    public RawSignature sign(SigningKey.Software key, byte[] secret, byte[] input) {
        return CpuSigner.signOne(key, secret, input);
    }

    /** The Bundle-Version of the bcprov jar (the jar carries no Implementation-Version). */
    private static String version() {
        try {
            java.net.URL self = ECDSASigner.class.getResource("ECDSASigner.class");
            String url = self == null ? "" : self.toString();
            int bang = url.indexOf("!/");
            if (bang > 0) {
                try (java.io.InputStream in = java.net.URI.create(url.substring(0, bang + 2) + "META-INF/MANIFEST.MF")
                        .toURL().openStream()) {
                    String v = new java.util.jar.Manifest(in).getMainAttributes().getValue("Bundle-Version");
                    if (v != null) {
                        return v;
                    }
                }
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            // fall through
        }
        return "(version unknown)";
    }
}
