package dev.sigil.crypto.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sigil.crypto.CertificateKeys;
import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.conformance.Vectors.Vector;
import dev.sigil.crypto.testing.TestCertificates;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.Verifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite every backend runs: the Wycheproof files, the SM2 standard example, the BIP-340 vectors (each
 * of the 19 expected {@code valid} or {@code invalid}, never {@code malformed}), and the project's own
 * edge cases for every scheme under both rule sets. Each test collects every failing vector and asserts the list is
 * empty. A scheme the backend's {@link Verifier} lacks (or a backend without one) is reported as "not supported": the
 * test is aborted (skipped), never passed. A backend's test extends this class and supplies the backend, a software
 * signer and key generation.
 */
public abstract class ConformanceSuite {

    /** The backend under test. */
    protected abstract Backend backend();

    /** A signer that signs with software keys (the CPU reference backend's). */
    protected abstract Signer signer();

    /** A fresh software key of the scheme. */
    protected abstract SigningKey.Software newKey(Scheme scheme);

    @Test
    void wycheproof_p256Der_matchesEveryVector() {
        assertThat(failures(Scheme.ECDSA_P256, RuleSet.STANDARD,
                Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER))).isEmpty();
    }

    @Test
    void wycheproof_p256P1363_matchesEveryVector() {
        assertThat(failures(Scheme.ECDSA_P256, RuleSet.STANDARD,
                Vectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json", SignatureFormat.RAW))).isEmpty();
    }

    @Test
    void wycheproof_p256Der_underLowS_rejectsExactlyTheHighS() {
        List<Vector> lowS = new ArrayList<>();
        for (Vector v : Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER)) {
            boolean high = v.valid() && EcSignature.fromDer(v.item().signature()).isHighS(Curve.P256);
            lowS.add(new Vector(v.name() + (high ? " (high S)" : ""), v.item(), v.valid() && !high));
        }
        assertThat(failures(Scheme.ECDSA_P256, RuleSet.LOW_S, lowS)).isEmpty();
    }

    @Test
    void wycheproof_ed25519_matchesEveryVector() {
        List<Vector> vectors = Vectors.wycheproof("ed25519_test.json", null);
        assertThat(failures(Scheme.ED25519, RuleSet.STANDARD, vectors)).isEmpty();
        assertThat(failures(Scheme.ED25519, RuleSet.LOW_S, vectors)).isEmpty();
    }

    @Test
    void sm2_standardExample_isValid_andItsVariantsAreNot() {
        List<Vector> vectors = new ArrayList<>(Vectors.sm2Example());
        for (Vector v : Vectors.sm2Example()) {
            byte[] msg = v.item().message().clone();
            msg[0] ^= 1;
            vectors.add(new Vector(v.name() + " altered message", new EncodedItem(v.item().publicKey(), msg, null,
                    v.item().signature(), v.item().format(), v.item().userId()), false));
            vectors.add(new Vector(v.name() + " default-ID mismatch", v.item().withUserId(new byte[] {0x41}), false));
        }
        assertThat(failures(Scheme.SM2, RuleSet.STANDARD, vectors)).isEmpty();
        assertThat(failures(Scheme.SM2, RuleSet.LOW_S, vectors)).isEmpty();
    }

    @Test
    void bip340_officialVectors_matchEveryVector_underBothRuleSets() {
        List<Vector> vectors = Vectors.bip340().stream().map(Vectors.Bip340Vector::vector).toList();
        assertThat(vectors).hasSize(19);
        assertThat(failures(Scheme.SCHNORR_SECP256K1, RuleSet.STANDARD, vectors)).isEmpty();
        assertThat(failures(Scheme.SCHNORR_SECP256K1, RuleSet.LOW_S, vectors)).isEmpty();
    }

    @Test
    void bip340_officialVectors_oneByOne_matchEveryVector() {
        Verifier verifier = verifier(Scheme.SCHNORR_SECP256K1);
        List<String> failures = new ArrayList<>();
        for (Vectors.Bip340Vector v : Vectors.bip340()) {
            Outcome o = verifier.verify(VerifyBatch.builder(Scheme.SCHNORR_SECP256K1, RuleSet.STANDARD)
                    .add(v.vector().item()).build())[0];
            Verdict expected = v.vector().valid() ? Verdict.VALID : Verdict.INVALID;
            if (o == null || o.verdict() != expected) {
                failures.add(v.vector().name() + ": expected " + expected + ", got " + o);
            }
        }
        assertThat(failures).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> edgeCases_everyScheme_giveTheSpecifiedOutcome() {
        return perScheme(s -> {
            List<EdgeCase> cases = edgeCases(s);
            List<String> failures = new ArrayList<>();
            for (EdgeCase c : cases) {
                VerifyBatch batch = VerifyBatch.builder(c.scheme(), c.rules()).add(c.item()).build();
                Outcome o = verifier(s).verify(batch)[0];
                if (o == null || o.verdict() != c.expected() || (c.problem() != null && o.problem() != c.problem())) {
                    failures.add(c + ": expected " + c.expected()
                            + (c.problem() == null ? "" : "/" + c.problem().code()) + ", got " + o);
                }
            }
            assertThat(cases).hasSizeGreaterThan(25);
            assertThat(failures).isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> edgeCases_inOneMixedBatch_giveTheSameOutcomesAsOneByOne() {
        return perScheme(s -> {
            Verifier verifier = verifier(s);
            List<EdgeCase> cases = edgeCases(s).stream().filter(c -> c.rules() == RuleSet.STANDARD).toList();
            VerifyBatchBuilder b = VerifyBatch.builder(s, RuleSet.STANDARD);
            cases.forEach(c -> b.add(c.item()));
            Outcome[] got = verifier.verify(b.build());
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) {
                if (got[i] == null || got[i].verdict() != cases.get(i).expected()) {
                    failures.add(cases.get(i) + " at index " + i + ": got " + got[i]);
                }
            }
            assertThat(failures).as(s.wireName()).isEmpty();
        });
    }

    /**
     * Every item of the edge cases and vector files again with its key given as a bcpkix certificate: the backend
     * must answer item by item exactly as it answers for the bare key (verdict and problem code), under both rule
     * sets; bad keys inside certificates included.
     */
    @TestFactory
    Stream<DynamicTest> certificates_everyScheme_verifyExactlyLikeTheirBareKeys() {
        return perScheme(s -> {
            Verifier verifier = verifier(s);
            if (!CertificateKeys.SCHEMES.contains(s)) {
                certificates_areMalformedItems(s, verifier);
                return;
            }
            List<String> failures = new ArrayList<>();
            java.util.Set<Verdict> seen = java.util.EnumSet.noneOf(Verdict.class);
            int compared = 0;
            for (RuleSet rules : RuleSet.values()) {
                List<EncodedItem> bare = new ArrayList<>();
                edgeCases(s).stream().filter(c -> c.rules() == rules && c.item().publicKey() != null)
                        .forEach(c -> bare.add(c.item()));
                vectorsOf(s).forEach(v -> bare.add(v.item()));
                VerifyBatchBuilder keys = VerifyBatch.builder(s, rules, bare.size());
                VerifyBatchBuilder certs = VerifyBatch.builder(s, rules, bare.size());
                for (EncodedItem item : bare) {
                    keys.add(item);
                    certs.add(TestCertificates.wrap(s, item));
                }
                Outcome[] want = verifier.verify(keys.build());
                Outcome[] got = verifier.verify(certs.build());
                for (int i = 0; i < bare.size(); i++) {
                    if (want[i] == null || !want[i].equals(got[i])) {
                        failures.add(rules + " item " + i + ": bare key " + want[i] + ", certificate " + got[i]);
                    }
                }
                Arrays.stream(want).map(Outcome::verdict).forEach(seen::add);
                compared += bare.size();
            }
            assertThat(seen).as(s.wireName()).containsExactlyInAnyOrder(Verdict.values());
            assertThat(compared).isGreaterThan(50);
            assertThat(failures).as(s.wireName()).isEmpty();
        });
    }

    /** A scheme the contract gives no certificates (its keys have no X.509 form): such items are malformed. */
    private void certificates_areMalformedItems(Scheme s, Verifier verifier) {
        VerifyBatchBuilder b = VerifyBatch.builder(s, RuleSet.STANDARD);
        edgeCases(s).stream().filter(c -> c.item().publicKey() != null).forEach(c -> b.add(
                c.item().withCertificate(TestCertificates.of(TestCertificates.ecOn(Curve.SECP256K1),
                        c.item().publicKey()))));
        Outcome[] got = verifier.verify(b.build());
        assertThat(got).isNotEmpty().allMatch(o -> o.problem() == ProblemCode.MALFORMED_ITEM);
    }

    private static List<Vector> vectorsOf(Scheme s) {
        return switch (s) {
            case ECDSA_P256 -> {
                List<Vector> all = new ArrayList<>(Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json",
                        SignatureFormat.DER));
                all.addAll(Vectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json", SignatureFormat.RAW));
                yield all;
            }
            case ED25519 -> Vectors.wycheproof("ed25519_test.json", null);
            case SM2 -> Vectors.sm2Example();
            default -> List.of();
        };
    }

    private Stream<DynamicTest> perScheme(java.util.function.Consumer<Scheme> test) {
        return Arrays.stream(Scheme.values()).map(s -> DynamicTest.dynamicTest(s.wireName(), () -> test.accept(s)));
    }

    private List<EdgeCase> edgeCases(Scheme s) {
        SigningKey.Software key = newKey(s);
        SigningKey.Software other = newKey(s);
        return switch (s) {
            case ED25519 -> Ed25519EdgeCases.build(signer(), key, other);
            case SCHNORR_SECP256K1 -> Bip340EdgeCases.build(signer(), key, other);
            default -> EdgeCases.weierstrass(signer(), key, other);
        };
    }

    /** The backend's verifier for the scheme; aborts the test (skipped as "not supported") when there is none. */
    protected Verifier verifier(Scheme scheme) {
        Verifier v = backend().verifier().filter(x -> x.verifiableSchemes().contains(scheme)).orElse(null);
        assumeTrue(v != null, () -> scheme.wireName() + " verification: not supported by " + backend().id());
        return v;
    }

    /**
     * Verifies the vectors as one batch and lists every vector whose verdict is not the file's; aborts (skipped as
     * "not supported") when the backend does not verify the scheme.
     */
    protected List<String> failures(Scheme scheme, RuleSet rules, List<Vector> vectors) {
        assertThat(vectors).isNotEmpty();
        Verifier verifier = verifier(scheme);
        VerifyBatchBuilder b = VerifyBatch.builder(scheme, rules, vectors.size());
        vectors.forEach(v -> b.add(v.item()));
        Outcome[] got = verifier.verify(b.build());
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            if (got[i] == null || (got[i].verdict() == Verdict.VALID) != v.valid()) {
                failures.add(v.name() + ": expected " + (v.valid() ? "valid" : "not valid") + ", got " + got[i]);
            }
        }
        return failures;
    }
}
