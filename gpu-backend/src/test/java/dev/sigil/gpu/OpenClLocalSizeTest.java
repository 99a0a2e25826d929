package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.RecoverBatch;
import dev.sigil.crypto.RecoverBatchBuilder;
import dev.sigil.crypto.RecoveredKeys;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.crypto.testing.AdversarialItems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The work-group size: chosen by the timed probe when not set and cached beside the program binaries, read back from
 * that cache, overridden by the setting; and at sizes other than the default (runs of the shared inversions that are
 * shorter than a group, and groups of two runs) every answer is still the reference's.
 */
class OpenClLocalSizeTest {
    private static final int ITEMS = 700;

    @Test
    void withoutTheSetting_theProbeChoosesACandidate_andCachesItBesideTheBinaries(@TempDir Path cache)
            throws IOException {
        OpenClTestSupport.backend();
        copyBinaries(cache);
        for (Path f : localSizeFiles(cache)) {
            Files.delete(f);
        }
        try (OpenClBackend gpu = OpenClBackend.open(OpenClTestSupport.context().withSettings(
                Map.of("cacheDir", cache.toString())))) {
            assertThat(gpu.localSizes()).allSatisfy(s -> assertThat(LocalSizeProbe.CANDIDATES).contains(s));
            List<Path> files = localSizeFiles(cache);
            assertThat(files).hasSize(gpu.localSizes().size());
            List<Integer> cached = new ArrayList<>();
            for (Path f : files) {
                cached.add(Integer.parseInt(Files.readString(f, StandardCharsets.UTF_8).trim()));
            }
            assertThat(cached).containsExactlyInAnyOrderElementsOf(gpu.localSizes());
        }
    }

    @Test
    void processCpuNanos_countsWorkOnOtherThreads() throws InterruptedException {
        long before = LocalSizeProbe.processCpuNanos();
        Thread busy = new Thread(() -> {
            long until = System.nanoTime() + 200_000_000L;
            long x = 0;
            while (System.nanoTime() < until) {
                x += x * 31 + 7;
            }
            if (x == 42) {
                System.out.print("");
            }
        });
        busy.start();
        busy.join();
        assertThat(LocalSizeProbe.processCpuNanos()).isGreaterThan(before);
    }

    @Test
    void aCachedChoice_isUsedWithoutProbing_andGivesTheReferenceAnswers(@TempDir Path cache) throws IOException {
        OpenClTestSupport.backend();
        copyBinaries(cache);
        for (Path f : localSizeFiles(cache)) {
            Files.writeString(f, "16\n", StandardCharsets.UTF_8);
        }
        try (OpenClBackend gpu = OpenClBackend.open(OpenClTestSupport.context().withSettings(
                Map.of("cacheDir", cache.toString())))) {
            assertThat(gpu.localSizes()).containsOnly(16);
            assertThat(differences(gpu, 61)).isEmpty();
        }
    }

    @Test
    void theSetting_overridesTheProbe_andGroupsOfTwoRuns_giveTheReferenceAnswers() {
        OpenClTestSupport.backend();
        try (OpenClBackend gpu = OpenClBackend.open(OpenClTestSupport.context().withSettings(
                Map.of("cacheDir", OpenClTestSupport.cacheDir().toString(), "localSize", 128)))) {
            assertThat(gpu.localSizes()).containsOnly(128);
            assertThat(differences(gpu, 62)).isEmpty();
        }
    }

    /** Adversarial ECDSA, BIP-340 and recovery items (batches not a multiple of the group) against the reference. */
    private static List<String> differences(OpenClBackend gpu, long seed) {
        List<String> failures = new ArrayList<>();
        Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
        for (Scheme s : List.of(Scheme.ECDSA_SECP256K1, Scheme.ECDSA_P256, Scheme.SCHNORR_SECP256K1)) {
            failures.addAll(Differential.compare(gpu, s, RuleSet.STANDARD,
                    new AdversarialItems(s, seed, 64).items(ITEMS), seen));
        }
        RecoverBatchBuilder b = RecoverBatch.builder(RuleSet.STANDARD, ITEMS);
        new AdversarialItems(Scheme.ECDSA_SECP256K1, seed, 64).recoverItems(ITEMS).forEach(it -> b.add(it.item()));
        RecoverBatch batch = b.build();
        RecoveredKeys dev = gpu.recover(batch);
        RecoveredKeys ref = OpenClTestSupport.cpu().recover(batch);
        for (int i = 0; i < ITEMS; i++) {
            seen.merge(ref.outcome(i).verdict(), 1, Integer::sum);
            if (!ref.outcome(i).equals(dev.outcome(i)) || !Arrays.equals(ref.uncompressed(i), dev.uncompressed(i))) {
                failures.add("recover " + i + ": reference " + ref.outcome(i) + ", device " + dev.outcome(i));
            }
        }
        assertThat(seen).containsKeys(Verdict.VALID, Verdict.INVALID);
        return failures;
    }

    private static List<Path> localSizeFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".localsize")).toList();
        }
    }

    private static void copyBinaries(Path to) throws IOException {
        try (Stream<Path> files = Files.list(OpenClTestSupport.cacheDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
