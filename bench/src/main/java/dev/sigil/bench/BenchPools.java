package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Signed items per scheme, generated once per run and shared by every phase: at most {@code distinct} different
 * signatures by 64 keys, repeated to fill larger batches. Every eighth item has its message altered after signing,
 * so it must come out {@code INVALID}; all others {@code VALID}. {@code -Dsigil.bench.tamperEvery=N} tampers one in N
 * instead, 0 none (honest traffic, where a scheme's rejections cost nothing extra).
 */
final class BenchPools {
    static final int TAMPER_EVERY = Math.max(0, Integer.getInteger("sigil.bench.tamperEvery", 8));

    private final int distinct;
    private final Progress progress;
    private final Map<Scheme, List<AdversarialItems.Signed>> pools = new EnumMap<>(Scheme.class);

    BenchPools(int distinct, Progress progress) {
        this.distinct = distinct;
        this.progress = progress;
    }

    /** The first {@code size} items of the scheme's pool, cycling through the distinct ones. */
    synchronized List<AdversarialItems.Signed> items(Scheme scheme, int size) {
        List<AdversarialItems.Signed> pool = pool(scheme);
        List<AdversarialItems.Signed> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(pool.get(i % pool.size()));
        }
        return out;
    }

    /** Whether item i of {@link #items} is expected to verify. */
    boolean[] expectedValid(Scheme scheme, int size) {
        int n = pool(scheme).size();
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = !isTampered(i % n);
        }
        return out;
    }

    static boolean isTampered(int index) {
        return TAMPER_EVERY > 0 && index % TAMPER_EVERY == TAMPER_EVERY - 1;
    }

    /** The mix in words, for the reports: "one item in eight tampered". */
    static String mix() {
        return switch (TAMPER_EVERY) {
            case 0 -> "no item tampered";
            case 8 -> "one item in eight tampered";
            default -> "one item in " + TAMPER_EVERY + " tampered";
        };
    }

    private synchronized List<AdversarialItems.Signed> pool(Scheme scheme) {
        return pools.computeIfAbsent(scheme, s -> {
            progress.step("signing %d %s items for the benchmark inputs", distinct, s);
            List<AdversarialItems.Signed> signed =
                    new AdversarialItems(s, 42 + s.ordinal(), 64, distinct).signed();
            List<AdversarialItems.Signed> out = new ArrayList<>(signed.size());
            for (int i = 0; i < signed.size(); i++) {
                out.add(isTampered(i) ? tamper(signed.get(i)) : signed.get(i));
            }
            return List.copyOf(out);
        });
    }

    /** The message with its first bit flipped, or one byte added to an empty message. */
    private static AdversarialItems.Signed tamper(AdversarialItems.Signed s) {
        if (s.message().length == 0) {
            return new AdversarialItems.Signed(s.key(), new byte[] {0x01}, s.signature());
        }
        byte[] m = s.message().clone();
        m[0] ^= 0x01;
        return new AdversarialItems.Signed(s.key(), m, s.signature());
    }
}
