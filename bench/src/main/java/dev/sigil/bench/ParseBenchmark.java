package dev.sigil.bench;

import dev.sigil.crypto.CertificateCache;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.crypto.testing.TestCertificates;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The edge's parsing: {@link VerifyBatchBuilder#add} of encoded items (key from the key cache, strict DER or raw
 * signature, range checks), once with a {@code message} (so including the scheme's hash) and once with a
 * precomputed {@code digest} (parsing alone; not for Ed25519, which has no digest form), and with the key given as
 * an X.509 {@code certificate} (message form): through the certificate cache as a node's repeated identities go,
 * and with no cache, which is the cost of parsing a certificate. Scores are items per second on one thread.
 *
 * <pre>./sigil jmh ParseBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParseBenchmark {
    static final int ITEMS = 1024;

    @Param({"ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519", "schnorr-secp256k1"})
    public String scheme;

    private Scheme s;
    private EncodedItem[] withMessage;
    private EncodedItem[] withDigest;
    private EncodedItem[] withCertificate;
    /** Holds nothing (every certificate is larger than its byte bound): each item parses its certificate. */
    private final CertificateCache noCache = new CertificateCache(1, 1);

    @Setup
    public void setUp() {
        s = Scheme.fromWire(scheme).orElseThrow();
        List<AdversarialItems.Signed> items = new AdversarialItems(s, 7, 64, ITEMS).signed();
        withMessage = items.stream().map(AdversarialItems.Signed::encoded).toArray(EncodedItem[]::new);
        withDigest = items.stream().map(i -> !s.isWeierstrass() ? i.encoded()
                : EncodedItem.ofDigest(i.key().publicKey().encoded(),
                        Hashes.signedDigest(s, (EcPublicKey) i.key().publicKey(), Sm2.DEFAULT_USER_ID, i.message()),
                        i.encodedSignature())).toArray(EncodedItem[]::new);
        withCertificate = items.stream().map(i -> TestCertificates.wrap(s, i.encoded())).toArray(EncodedItem[]::new);
        if (build(withMessage).pendingCount() != ITEMS || build(withDigest).pendingCount() != ITEMS
                || build(withCertificate).pendingCount() != ITEMS) {
            throw new IllegalStateException("benchmark items did not all parse");
        }
    }

    private VerifyBatch build(EncodedItem[] items) {
        return build(VerifyBatch.builder(s, RuleSet.STANDARD, items.length), items);
    }

    private static VerifyBatch build(VerifyBatchBuilder b, EncodedItem[] items) {
        for (EncodedItem e : items) {
            b.add(e);
        }
        return b.build();
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public VerifyBatch addWithMessage() {
        return build(withMessage);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public VerifyBatch addWithDigest() {
        return build(withDigest);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public VerifyBatch addWithCertificate() {
        return build(withCertificate);
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS)
    public VerifyBatch addWithCertificateUncached() {
        return build(VerifyBatch.builder(s, RuleSet.STANDARD, ITEMS).certificateCache(noCache), withCertificate);
    }
}
