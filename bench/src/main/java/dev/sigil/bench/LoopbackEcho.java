package dev.sigil.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The floor under every network transport on this machine: a loopback TCP server that sends back each message of
 * a fixed size it reads (one platform thread per connection, blocking sockets, {@code TCP_NODELAY}), and callers
 * that write a message and wait for it to come back. No parsing, no HTTP/2 framing, no verification: what one
 * request and its answer cost in system calls and thread wake-ups alone, on the same cores as everything else.
 */
final class LoopbackEcho implements AutoCloseable {
    private final int size;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    LoopbackEcho(int messageBytes) throws IOException {
        this.size = messageBytes;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("echo-accept").start(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                sockets.add(s);
                threads.add(Thread.ofPlatform().daemon().name("echo-" + threads.size()).start(() -> echo(s)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void echo(Socket s) {
        byte[] buf = new byte[size];
        try (InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (in.readNBytes(buf, 0, size) == size) {
                out.write(buf);
            }
        } catch (IOException e) {
            // the caller went away
        }
    }

    /** A new connection, as one caller: each call sends a message and reads it back; false if it came back altered. */
    BooleanSupplier caller() {
        try {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
            s.setTcpNoDelay(true);
            sockets.add(s);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            byte[] message = new byte[size];
            for (int i = 0; i < size; i++) {
                message[i] = (byte) (i * 31 + 7);
            }
            byte[] back = new byte[size];
            return () -> {
                try {
                    out.write(message);
                    return in.readNBytes(back, 0, size) == size && java.util.Arrays.equals(message, back);
                } catch (IOException e) {
                    return false;
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CPU nanoseconds used so far by the server's connection threads (the serving side alone). */
    long serverCpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!mx.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (Thread t : threads) {
            sum += Math.max(0, mx.getThreadCpuTime(t.threadId()));
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        acceptor.interrupt();
    }
}
