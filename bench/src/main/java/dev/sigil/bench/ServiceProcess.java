package dev.sigil.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real service ({@code dev.sigil.service.Main}) started as a child JVM on a free local port, with this JVM's
 * class path, so the load generator and the service do not share a heap or a garbage collector. Its output goes to
 * a log file in the report directory.
 */
final class ServiceProcess implements AutoCloseable {
    static final String MAIN = "dev.sigil.service.Main";

    private final Process process;
    private final URI base;

    private ServiceProcess(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** True when the service's main class is on the class path. */
    /** The service's process id. */
    long pid() {
        return process.pid();
    }

    static boolean isPresent(String mainClass) {
        try {
            Class.forName(mainClass, false, ServiceProcess.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Starts the service with {@code --config config} when config is not null, and waits until it is ready. */
    static ServiceProcess start(Path log, Path dataDir, Path config, Duration readyTimeout) throws IOException {
        return start(new Launch(log, dataDir, config, freePort(), Map.of(), List.of()), readyTimeout);
    }

    /**
     * How to start one service process: its log (appended to, so a restart keeps the earlier output), data
     * directory, {@code --config} (or null), port, extra environment and extra JVM flags.
     */
    record Launch(Path log, Path dataDir, Path config, int port, Map<String, String> env, List<String> jvmFlags) {
    }

    /** Starts the service as {@code launch} says and waits until it is ready; the same launch starts it again. */
    static ServiceProcess start(Launch launch, Duration readyTimeout) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:+UseG1GC"));
        cmd.addAll(launch.jvmFlags());
        cmd.addAll(List.of("-cp", classPath(), MAIN, "--host", "127.0.0.1", "--port", Integer.toString(launch.port()),
                "--data-dir", launch.dataDir().toString()));
        if (launch.config() != null) {
            cmd.addAll(List.of("--config", launch.config().toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(launch.log().toFile()));
        pb.environment().putAll(launch.env());
        Process p = pb.start();
        p.getOutputStream().close();
        ServiceProcess sp = new ServiceProcess(p, URI.create("http://127.0.0.1:" + launch.port()));
        try {
            sp.awaitReady(readyTimeout);
            return sp;
        } catch (IOException | RuntimeException e) {
            sp.close();
            throw e;
        }
    }

    /** This JVM's class path (under Surefire the test class path, not its booter jar). */
    static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    URI base() {
        return base;
    }

    /** {@code 127.0.0.1:port}, as a gRPC client names it. */
    String address() {
        return base.getHost() + ":" + base.getPort();
    }

    /** Kills the process at once (SIGKILL on Linux: no shutdown hook, no draining) and waits for it to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    private void awaitReady(Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        try (HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build()) {
            while (System.nanoTime() < end) {
                if (!process.isAlive()) {
                    throw new IOException("the service exited with status " + process.exitValue());
                }
                if (get(c, base.resolve("/health/ready")).map(r -> r.statusCode() == 200).orElse(false)) {
                    return;
                }
                sleep(200);
            }
        }
        throw new IOException("the service was not ready within " + timeout.toSeconds() + " s");
    }

    /** GET {@code /v1/backends} of a service, as its raw JSON body. */
    static Optional<String> backends(URI base) {
        try (HttpClient c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            return get(c, base.resolve("/v1/backends")).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
        }
    }

    private static Optional<HttpResponse<String>> get(HttpClient c, URI uri) {
        try {
            return Optional.of(c.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Work against a started service. */
    interface Use {
        void run(ServiceProcess service);
    }

    /**
     * Starts the service for a bench phase (with its own data directory, deleted afterwards), runs the work against
     * it, and stops it; returns why it could not start, if it could not.
     */
    static Optional<String> during(Path log, Path config, Use use) throws IOException {
        Path data = java.nio.file.Files.createTempDirectory("sigil-bench-data");
        try (ServiceProcess service = start(log, data, config, Duration.ofSeconds(180))) {
            use.run(service);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(e.getMessage() + " (see " + log + ")");
        } finally {
            TempDirs.delete(data);
        }
    }

    @Override
    public void close() {
        stop(process, 10);
    }

    /** SIGTERM, then SIGKILL when the process has not exited within the grace period. */
    static void stop(Process process, int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
