package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code ./sigil serve} runs the JVM with a bounded heap: SIGIL_HEAP, else one computed from the machine's memory. */
class LauncherHeapTest {
    private static final Path LAUNCHER = Path.of("..", "sigil").toAbsolutePath().normalize();

    private record Run(int exit, String out) {
    }

    private static Run serveFlags(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString(), "serve-flags").redirectErrorStream(true);
        pb.environment().remove("SIGIL_HEAP");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void serve_hasABoundedHeap_byDefault_computedFromTheMachine() throws Exception {
        Run run = serveFlags(Map.of());
        assertThat(run.exit()).as(run.out()).isZero();
        List<String> xmx = run.out().lines().filter(l -> l.startsWith("-Xmx")).toList();
        assertThat(xmx).hasSize(1);
        long mib = Long.parseLong(xmx.getFirst().substring(4, xmx.getFirst().length() - 1));
        assertThat(xmx.getFirst()).endsWith("m");
        assertThat(mib).isBetween(256L, 31_744L);
        assertThat(run.out().lines()).contains("-XX:+ExitOnOutOfMemoryError");
    }

    @Test
    void sigilHeap_setsTheHeap_andABadValueStopsTheStart() throws Exception {
        Run run = serveFlags(Map.of("SIGIL_HEAP", "300m"));
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("-Xmx")).toList()).containsExactly("-Xmx300m");
        Run bad = serveFlags(Map.of("SIGIL_HEAP", "lots"));
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.out()).contains("SIGIL_HEAP").doesNotContain("-Xmx");
    }
}
