package dev.sigil.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's {@code haproxy}) in front of a fleet, as a child process: gRPC in over cleartext HTTP/2, out
 * to every server over HTTP/2, round robin over the servers whose {@code GET /health/ready} answers 200, checked
 * every 250 ms (over HTTP/2 as well, so the check names a host: HTTP/2 needs {@code :authority}). A request whose server fails before answering (connection refused or reset, empty answer) is
 * retried by HAProxy on another server; what still fails reaches the client as UNAVAILABLE.
 */
final class Haproxy implements AutoCloseable {
    private final Process process;

    private Haproxy(Process process) {
        this.process = process;
    }

    /** The haproxy executable, or null when it is not installed. */
    static Path find() {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "haproxy"))) {
                return Path.of(dir, "haproxy");
            }
        }
        return null;
    }

    /** The configuration: a frontend on {@code port} of loopback, one backend with every server. */
    static String config(int port, List<String> servers) {
        StringBuilder s = new StringBuilder("""
                global
                    log stderr format raw local0 notice

                defaults
                    log global
                    mode http
                    timeout connect 1s
                    timeout client 60s
                    timeout server 60s
                    timeout check 2s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout

                frontend grpc
                    bind 127.0.0.1:%d proto h2
                    default_backend sigil

                backend sigil
                    balance roundrobin
                    option httpchk
                    http-check send meth GET uri /health/ready hdr host sigil
                    http-check expect status 200
                    default-server check inter 250ms fall 2 rise 2
                """.formatted(port));
        for (int i = 0; i < servers.size(); i++) {
            s.append("    server sigil-").append(i + 1).append(' ').append(servers.get(i)).append(" proto h2\n");
        }
        return s.toString();
    }

    /** Starts haproxy in the foreground and waits until it listens on {@code port}. */
    static Haproxy start(Path haproxy, Path config, Path log, int port) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(haproxy.toString(), "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        Haproxy h = new Haproxy(p);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!FleetTest.listening(port)) {
            if (!p.isAlive() || System.nanoTime() > end) {
                h.close();
                throw new IOException("haproxy did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return h;
    }

    @Override
    public void close() {
        ServiceProcess.stop(process, 5);
    }
}
