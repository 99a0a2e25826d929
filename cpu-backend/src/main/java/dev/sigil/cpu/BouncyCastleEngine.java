package dev.sigil.cpu;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
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
