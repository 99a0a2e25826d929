package dev.sigil.crypto.conformance;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.conformance.Vectors.Vector;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The conformance suite's vectors as plain data, for running them outside JUnit (on every device of a machine,
 * {@code sigil gpu-check}): named sets of items of one scheme and rule set, each with the verdict every backend must
 * give. The same files and edge cases as {@link ConformanceSuite}.
 */
public final class ConformanceSets {

    /** One vector: an item and the verdict it must get. */
    public record Case(String name, EncodedItem item, Verdict expected) {
        /** True when {@code got} is the expected verdict (malformed and invalid both count as not valid for files). */
        public boolean matches(Verdict got, boolean validOnly) {
            return validOnly ? (got == Verdict.VALID) == (expected == Verdict.VALID) : got == expected;
        }
    }

    /**
     * A set of cases of one scheme under one rule set; {@code validOnly} when the source says only valid or not
     * (the Wycheproof and standard files), so that any not-valid verdict matches.
     */
    public record Set(String name, Scheme scheme, RuleSet rules, boolean validOnly, List<Case> cases) {
    }

    private ConformanceSets() {
    }

    /**
     * Every set for the scheme: its files (Wycheproof, the SM2 standard example) and the project's own edge cases
     * under both rule sets; empty for a scheme that has none in this build.
     *
     * @param signer signs with software keys (the CPU reference backend's)
     * @param newKey a fresh software key of the scheme
     */
    public static List<Set> of(Scheme scheme, Signer signer, Function<Scheme, SigningKey.Software> newKey) {
        List<Set> out = new ArrayList<>();
        switch (scheme) {
            case ECDSA_P256 -> {
                out.add(files("wycheproof ecdsa_secp256r1_sha256 (DER)", scheme, RuleSet.STANDARD,
                        Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER)));
                out.add(files("wycheproof ecdsa_secp256r1_sha256_p1363", scheme, RuleSet.STANDARD,
                        Vectors.wycheproof("ecdsa_secp256r1_sha256_p1363_test.json", SignatureFormat.RAW)));
                List<Vector> lowS = new ArrayList<>();
                for (Vector v : Vectors.wycheproof("ecdsa_secp256r1_sha256_test.json", SignatureFormat.DER)) {
                    boolean high = v.valid() && EcSignature.fromDer(v.item().signature()).isHighS(Curve.P256);
                    lowS.add(new Vector(v.name() + (high ? " (high S)" : ""), v.item(), v.valid() && !high));
                }
                out.add(files("wycheproof ecdsa_secp256r1_sha256 (DER) under low-s", scheme, RuleSet.LOW_S, lowS));
            }
            case ED25519 -> {
                List<Vector> v = Vectors.wycheproof("ed25519_test.json", null);
                out.add(files("wycheproof ed25519", scheme, RuleSet.STANDARD, v));
                out.add(files("wycheproof ed25519 under low-s", scheme, RuleSet.LOW_S, v));
            }
            case SM2 -> {
                List<Vector> vectors = new ArrayList<>(Vectors.sm2Example());
                for (Vector v : Vectors.sm2Example()) {
                    byte[] msg = v.item().message().clone();
                    msg[0] ^= 1;
                    vectors.add(new Vector(v.name() + " altered message", new EncodedItem(v.item().publicKey(), msg,
                            null, v.item().signature(), v.item().format(), v.item().userId()), false));
                    vectors.add(new Vector(v.name() + " default-ID mismatch",
                            v.item().withUserId(new byte[] {0x41}), false));
                }
                out.add(files("GM/T 0003.5 SM2 example", scheme, RuleSet.STANDARD, vectors));
                out.add(files("GM/T 0003.5 SM2 example under low-s", scheme, RuleSet.LOW_S, vectors));
            }
            default -> {
                // the edge cases below are the scheme's only vectors
            }
        }
        List<EdgeCase> edge = switch (scheme) {
            case ED25519 -> Ed25519EdgeCases.build(signer, newKey.apply(scheme), newKey.apply(scheme));
            case ECDSA_SECP256K1, ECDSA_P256, SM2 -> EdgeCases.weierstrass(signer, newKey.apply(scheme),
                    newKey.apply(scheme));
            default -> List.of();
        };
        for (RuleSet rules : RuleSet.values()) {
            List<Case> cases = edge.stream().filter(c -> c.rules() == rules)
                    .map(c -> new Case(c.name(), c.item(), c.expected())).toList();
            if (!cases.isEmpty()) {
                out.add(new Set("own edge cases (" + rules.wireName() + ")", scheme, rules, false, cases));
            }
        }
        return out;
    }

    private static Set files(String name, Scheme scheme, RuleSet rules, List<Vector> vectors) {
        return new Set(name, scheme, rules, true, vectors.stream()
                .map(v -> new Case(v.name(), v.item(), v.valid() ? Verdict.VALID : Verdict.INVALID)).toList());
    }
}
