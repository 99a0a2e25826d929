package dev.sigil.service.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.service.routing.SplitPlanner.Candidate;
import dev.sigil.service.routing.SplitPlanner.Share;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SplitPlannerTest {

    private static Map<String, Integer> byId(List<Share> shares) {
        return shares.stream().collect(Collectors.toMap(Share::id, Share::items));
    }

    @Test
    void plan_equalStarts_splitsInProportionToThroughput() {
        List<Share> shares = SplitPlanner.plan(List.of(new Candidate("fast", 0, 1_000),
                new Candidate("slow", 0, 3_000)), 4_000, 32);
        assertThat(byId(shares)).containsEntry("fast", 3_000).containsEntry("slow", 1_000);
    }

    @Test
    void plan_singleItem_goesWholeToTheBackendThatFinishesFirst() {
        Candidate cpu = new Candidate("cpu", 20_000, 100_000);
        Candidate gpu = new Candidate("gpu", 5_000_000, 5_000);
        assertThat(SplitPlanner.plan(List.of(cpu, gpu), 1, 32)).containsExactly(new Share("cpu", 1));
        assertThat(SplitPlanner.plan(List.of(gpu, cpu), 1, 32)).containsExactly(new Share("cpu", 1));
    }

    @Test
    void plan_largeBatch_alsoUsesTheBackendWithHighFixedLatency() {
        Candidate cpu = new Candidate("cpu", 20_000, 100_000);
        Candidate gpu = new Candidate("gpu", 5_000_000, 5_000);
        Map<String, Integer> shares = byId(SplitPlanner.plan(List.of(cpu, gpu), 100_000, 32));
        assertThat(shares.get("gpu")).isGreaterThan(shares.get("cpu") * 10);
        assertThat(shares.get("cpu")).isPositive();
    }

    @Test
    void plan_backendWithLongQueue_getsNothingWhileOthersFinishEarlier() {
        Candidate busy = new Candidate("busy", 1_000_000_000, 1_000);
        Candidate idle = new Candidate("idle", 0, 1_000);
        assertThat(SplitPlanner.plan(List.of(busy, idle), 10_000, 32)).containsExactly(new Share("idle", 10_000));
    }

    @Test
    void plan_queuedWork_shiftsTheSplitTowardsTheIdleBackend() {
        Candidate a = new Candidate("a", 2_000_000, 1_000);
        Candidate b = new Candidate("b", 0, 1_000);
        Map<String, Integer> shares = byId(SplitPlanner.plan(List.of(a, b), 4_000, 32));
        assertThat(shares).containsEntry("a", 1_000).containsEntry("b", 3_000);
    }

    @Test
    void plan_shareBelowTheMinimum_isFoldedBack() {
        Candidate fast = new Candidate("fast", 0, 1_000);
        Candidate slow = new Candidate("slow", 0, 100_000);
        assertThat(SplitPlanner.plan(List.of(fast, slow), 100, 32)).containsExactly(new Share("fast", 100));
    }

    @Test
    void plan_randomCandidates_sharesAddUpAndFinishTogether() {
        Random rnd = new Random(7);
        List<String> problems = new ArrayList<>();
        for (int round = 0; round < 2_000; round++) {
            List<Candidate> cs = new ArrayList<>();
            int count = 1 + rnd.nextInt(4);
            for (int i = 0; i < count; i++) {
                cs.add(new Candidate("b" + i, rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble() * 1e7,
                        1 + rnd.nextDouble() * 1e5));
            }
            int items = 1 + rnd.nextInt(rnd.nextBoolean() ? 50 : 50_000);
            List<Share> shares = SplitPlanner.plan(cs, items, 16);
            int sum = shares.stream().mapToInt(Share::items).sum();
            double worstPerItem = cs.stream().mapToDouble(Candidate::perItemNanos).max().orElseThrow();
            double finish = shares.stream().mapToDouble(s -> find(cs, s.id()).finishNanos(s.items())).max()
                    .orElseThrow();
            double single = cs.stream().mapToDouble(c -> c.finishNanos(items)).min().orElseThrow();
            if (sum != items || shares.stream().anyMatch(s -> s.items() < 1)
                    || (shares.size() > 1 && shares.stream().anyMatch(s -> s.items() < 16))
                    || finish > single + worstPerItem) {
                problems.add("round " + round + ": " + cs + " " + items + " -> " + shares);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static Candidate find(List<Candidate> cs, String id) {
        return cs.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
