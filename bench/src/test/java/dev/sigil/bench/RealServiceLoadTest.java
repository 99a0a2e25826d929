package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sigil.crypto.Scheme;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator against the real service, started as a child process the way {@code ./sigil bench} starts
 * it: every answer must be 200 with exactly the expected number of valid items (one in eight is tampered).
 * Skipped while the service classes are not on the class path.
 */
class RealServiceLoadTest {

    @Test
    void realService_answersEveryMixedRequestCorrectly_underOpenLoopLoad(@TempDir Path dir) throws Exception {
        assumeTrue(ServiceProcess.isPresent(ServiceProcess.MAIN), "the service is not on the class path");
        BenchPools pools = new BenchPools(64, new Progress(new PrintStream(OutputStream.nullOutputStream())));
        List<LoadGenerator.Body> bodies = VerifyRequests.bodies(pools, List.of(Scheme.values()), 8, 8, null);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(log, data, null, Duration.ofSeconds(180));
                LoadGenerator gen = new LoadGenerator(service.base().resolve("/v1/verify"), bodies,
                        Duration.ofSeconds(60), 1024)) {
            LoadGenerator.Step step = gen.run(20, Duration.ofSeconds(1));
            assertThat(step.scheduled()).isEqualTo(20);
            assertThat(step.errors()).as(() -> readLog(log)).isZero();
            assertThat(step.ok()).isEqualTo(20);
            assertThat(ServiceProcess.backends(service.base())).get().asString().contains("\"cpu\"");
        }
    }

    @Test
    void overloadRun_manyClientsWithHugeRequests_everyAnswerCorrectOrOverloaded_andTheServiceGoesIdle(@TempDir Path dir)
            throws Exception {
        assumeTrue(ServiceProcess.isPresent(ServiceProcess.MAIN), "the service is not on the class path");
        BenchPools pools = new BenchPools(64, new Progress(new PrintStream(OutputStream.nullOutputStream())));
        List<LoadGenerator.Body> bodies = VerifyRequests.bodies(pools, List.of(Scheme.ED25519), 4_000, 3, null);
        Path data = Files.createDirectories(dir.resolve("data"));
        Path config = Files.writeString(dir.resolve("sigil.yaml"), "routing:\n  maxQueueDelayMs: 200\n");
        Path log = dir.resolve("service.log");
        try (ServiceProcess service = ServiceProcess.start(log, data, config, Duration.ofSeconds(180))) {
            OverloadRun.Outcome o = new OverloadRun().run(service.base(), bodies, Scheme.ED25519, 6, 4_000,
                    Duration.ofSeconds(3), 200, () -> OverloadRun.processCpuNanos(service.pid()),
                    new Progress(new PrintStream(OutputStream.nullOutputStream())));
            assertThat(o.clean()).as(() -> OverloadRun.line(o) + "\n" + readLog(log)).isTrue();
            assertThat(o.wrong()).isZero();
            assertThat(o.overloaded()).as("six clients with 4 000 items each against a 200 ms queue target")
                    .isPositive();
            assertThat(o.ok() + o.overloaded() + o.timeouts()).isPositive();
            assertThat(o.cpuIdleAfterSeconds()).as("the service's CPU went idle after the clients left").isNotNull();
        }
        assertThat(OverloadRun.processCpuNanos(ProcessHandle.current().pid())).isPositive();
        assertThat(OverloadRun.processCpuNanos(-1)).isEqualTo(-1);
    }

    private static String readLog(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no service log)";
        }
    }
}
