package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class SmallRequestsTest {
    @Test
    void loopbackEcho_sendsEachMessageBack_andCountsItsServerThreadsCpu() throws Exception {
        try (LoopbackEcho echo = new LoopbackEcho(150)) {
            BooleanSupplier a = echo.caller();
            BooleanSupplier b = echo.caller();
            for (int i = 0; i < 2_000; i++) {
                assertThat(a.getAsBoolean()).isTrue();
                assertThat(b.getAsBoolean()).isTrue();
            }
            assertThat(echo.serverCpuNanos()).isPositive();
        }
    }

    @Test
    void loopbackEcho_callerAfterClose_reportsFailure() throws Exception {
        BooleanSupplier caller;
        try (LoopbackEcho echo = new LoopbackEcho(64)) {
            caller = echo.caller();
            assertThat(caller.getAsBoolean()).isTrue();
        }
        assertThat(caller.getAsBoolean()).isFalse();
    }

    @Test
    void floorNote_addsTheEchoCostToEachVerify() {
        Results r = new Results();
        r.small.add(new Results.SmallRequest("in-process", 1, 30, 50, 8, 60_000, 30_000, 0));
        r.small.add(new Results.SmallRequest(SmallRequests.ECHO, 1, 20, 40, 8, 120_000, 200_000, 0));
        SmallRequests.floorNote(r);
        // echo at 2x the verify rate: each request costs 1 + 0.5 verifies' CPU, so 1 / 1.5 of the rate
        assertThat(r.notes).singleElement().asString()
                .contains("runs at 2.00× the in-process 1-item rate", "about 0.67× in process", "at least 50 µs",
                        "(1.67× the in-process p50)");
    }

    @Test
    void floorNote_withoutTheEchoRow_saysNothing() {
        Results r = new Results();
        r.small.add(new Results.SmallRequest("in-process", 1, 30, 50, 8, 60_000, 30_000, 0));
        SmallRequests.floorNote(r);
        assertThat(r.notes).isEmpty();
    }
}
