package dev.sigil.service.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides how many items of a batch go to each backend so that the whole batch finishes first. A backend that gets
 * {@code k} items finishes after {@code start + k × perItem}, where {@code start} is the work already queued on it
 * plus its fixed latency per batch. The best plan fills the earliest-free backends up to a common finish time
 * ("water filling"): every backend used finishes at the same time, every backend not used would start after it,
 * and with equal starts the shares are in proportion to throughput. Shares smaller than {@code minSplit} items are
 * not worth a second batch and are folded back. Pure and deterministic.
 */
final class SplitPlanner {

    /** A backend as the planner sees it. */
    record Candidate(String id, double startNanos, double perItemNanos) {
        Candidate {
            if (!(perItemNanos > 0) || startNanos < 0) {
                throw new IllegalArgumentException("a candidate has a positive per-item cost and a start >= 0");
            }
        }

        double finishNanos(long items) {
            return startNanos + items * perItemNanos;
        }
    }

    /** Items for one backend. */
    record Share(String id, int items) {
    }

    private SplitPlanner() {
    }

    /**
     * The shares, in the order of the candidates given, each with at least one item; they add up to {@code items}.
     * With one item, or no split allowed, the single backend that finishes first.
     */
    static List<Share> plan(List<Candidate> candidates, int items, int minSplit) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate backend");
        }
        if (items <= 0) {
            throw new IllegalArgumentException("nothing to plan");
        }
        Candidate best = candidates.stream().min(Comparator.comparingDouble(c -> c.finishNanos(items))).orElseThrow();
        List<Candidate> used = fill(candidates, items);
        while (used.size() > 1) {
            int[] shares = shares(used, items);
            int smallest = indexOfMin(shares);
            if (shares[smallest] >= minSplit) {
                return finish(used, shares) < best.finishNanos(items) ? inOrder(candidates, used, shares)
                        : List.of(new Share(best.id(), items));
            }
            used.remove(smallest);
        }
        return List.of(new Share(best.id(), items));
    }

    private static double finish(List<Candidate> used, int[] shares) {
        double latest = 0;
        for (int i = 0; i < shares.length; i++) {
            latest = Math.max(latest, used.get(i).finishNanos(shares[i]));
        }
        return latest;
    }

    /** The backends that take part in the water filling, by increasing start. */
    private static List<Candidate> fill(List<Candidate> candidates, int items) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Candidate::startNanos));
        List<Candidate> used = new ArrayList<>();
        for (Candidate c : sorted) {
            if (!used.isEmpty() && c.startNanos() >= finish(used, items)) {
                break;
            }
            used.add(c);
        }
        return used;
    }

    /** The common finish time when the backends share the items. */
    static double finish(List<Candidate> used, int items) {
        double rate = 0;
        double head = 0;
        for (Candidate c : used) {
            rate += 1 / c.perItemNanos();
            head += c.startNanos() / c.perItemNanos();
        }
        return (items + head) / rate;
    }

    /** Whole-item shares of the common finish time, adding up to {@code items}, each at least zero. */
    private static int[] shares(List<Candidate> used, int items) {
        double t = finish(used, items);
        int[] out = new int[used.size()];
        double[] frac = new double[used.size()];
        int given = 0;
        for (int i = 0; i < out.length; i++) {
            Candidate c = used.get(i);
            double exact = Math.max(0, (t - c.startNanos()) / c.perItemNanos());
            out[i] = (int) Math.min(items, Math.floor(exact));
            frac[i] = exact - out[i];
            given += out[i];
        }
        while (given < items) {
            int best = 0;
            for (int i = 1; i < out.length; i++) {
                best = frac[i] > frac[best] ? i : best;
            }
            out[best]++;
            frac[best] = -1;
            given++;
        }
        while (given > items) {
            int top = indexOfMax(out);
            out[top]--;
            given--;
        }
        return out;
    }

    private static List<Share> inOrder(List<Candidate> candidates, List<Candidate> used, int[] shares) {
        List<Share> out = new ArrayList<>();
        for (Candidate c : candidates) {
            int i = used.indexOf(c);
            if (i >= 0 && shares[i] > 0) {
                out.add(new Share(c.id(), shares[i]));
            }
        }
        return out;
    }

    private static int indexOfMin(int[] a) {
        int at = 0;
        for (int i = 1; i < a.length; i++) {
            at = a[i] < a[at] ? i : at;
        }
        return at;
    }

    private static int indexOfMax(int[] a) {
        int at = 0;
        for (int i = 1; i < a.length; i++) {
            at = a[i] > a[at] ? i : at;
        }
        return at;
    }
}
