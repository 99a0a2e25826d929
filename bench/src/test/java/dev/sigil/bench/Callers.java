package dev.sigil.bench;

import dev.sigil.client.SigilClient;
import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Callers that verify known requests in a loop through one {@link SigilClient} until stopped, and count what they
 * issued and what came back: every request is either answered (and each of its items checked against its
 * expected validity) or recorded as an error.
 */
final class Callers {
    /** What the callers did: requests issued and answered, items answered, the errors and wrong items. */
    record Totals(long issued, long answered, long items, double seconds, List<String> errors, List<String> wrong) {
    }

    private final SigilClient client;
    private final List<VerifyRequest> requests;
    private final List<List<Boolean>> expected;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong next = new AtomicLong();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
    private final int count;
    private volatile boolean running;
    private long start;
    private long end;

    Callers(SigilClient client, List<VerifyRequest> requests, List<List<Boolean>> expected, int count) {
        this.client = client;
        this.requests = requests;
        this.expected = expected;
        this.count = count;
    }

    void start() {
        running = true;
        start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            threads.add(Thread.ofPlatform().name("fleet-caller-" + i).start(this::loop));
        }
    }

    boolean running() {
        return running;
    }

    /** Items answered so far. */
    long items() {
        return items.get();
    }

    private void loop() {
        while (running) {
            int r = (int) (next.getAndIncrement() % requests.size());
            issued.incrementAndGet();
            VerifyResponse response;
            try {
                response = client.verify(requests.get(r));
            } catch (RuntimeException e) {
                errors.add("request " + r + ": " + e);
                continue;
            }
            answered.incrementAndGet();
            List<Boolean> want = expected.get(r);
            if (response.getResultsCount() != want.size()) {
                wrong.add("request " + r + ": " + response.getResultsCount() + " results for " + want.size() + " items");
                continue;
            }
            for (int i = 0; i < want.size(); i++) {
                if ((response.getResults(i) == Result.VALID) != want.get(i)) {
                    wrong.add("request " + r + " item " + i + ": " + response.getResults(i) + ", expected "
                            + (want.get(i) ? "VALID" : "not VALID"));
                }
            }
            items.addAndGet(want.size());
        }
    }

    /** Stops the callers after their calls in progress and returns the totals (again on later calls). */
    Totals stop() throws InterruptedException {
        if (running) {
            running = false;
            for (Thread t : threads) {
                t.join();
            }
            end = System.nanoTime();
        }
        return new Totals(issued.get(), answered.get(), items.get(), (end - start) / 1e9, List.copyOf(errors),
                List.copyOf(wrong));
    }
}
