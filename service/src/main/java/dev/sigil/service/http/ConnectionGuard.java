package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guards every accepted TCP connection below HTTP, where Vert.x has no setting for it:
 * <ul>
 * <li>at most {@code maxConnections} are open; one more is answered 503 {@code overloaded} and closed at once;</li>
 * <li>a request's headers must be complete within {@code headerTimeoutMs} of the connection's opening or of the
 * first byte of the request that follows an answer on a kept-alive connection, else 408 and the connection is
 * closed (clients that dribble headers hold a connection for that long at most);</li>
 * <li>a client that sends its request and then shuts down its sending side (half-close) is still answered, after
 * which the connection is closed; one that does so with no request in progress is closed at once.</li>
 * </ul>
 * The HTTP layer tells the guard when a request starts and ends ({@link #requestStarted}, {@link #requestEnded}); both
 * run on the connection's event loop, as do the channel's own events, so a connection's state needs no locking.
 */
public final class ConnectionGuard {
    private final int maxConnections;
    private final long headerTimeoutMs;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, Conn> byRemote = new ConcurrentHashMap<>();

    public ConnectionGuard(int maxConnections, long headerTimeoutMs) {
        this.maxConnections = maxConnections;
        this.headerTimeoutMs = headerTimeoutMs;
    }

    /** A new Netty handler for one accepted channel, first in its pipeline. */
    io.netty.channel.ChannelHandler newHandler() {
        return new Conn();
    }

    /** Connections open now. */
    public int openConnections() {
        return open.get();
    }

    /** Called when a request's headers have been read. */
    public void requestStarted(HttpServerRequest request) {
        Conn c = find(request);
        if (c != null) {
            c.requests.add(request);
            c.awaitingHeaders = false;
            c.cancelHeaderTimer();
            if (request.version() == HttpVersion.HTTP_2) {
                c.multiplexed = true;
            }
        }
    }

    /** Called once the request has been answered (or its connection closed). */
    public void requestEnded(HttpServerRequest request) {
        Conn c = find(request);
        if (c != null) {
            // the router hands on a wrapper of the request; both share the response
            HttpServerResponse response = request.response();
            c.requests.removeIf(r -> r == request || r.response() == response);
            c.awaitingHeaders = true;
            if (c.inputShutdown && c.requests.isEmpty()) {
                closeAfterWrites(c.channel);
            }
        }
    }

    /**
     * Closes the request's connection once what was written to it so far (its answer) has been sent, without the
     * grace period Vert.x gives a connection whose request is still being received.
     */
    public void closeAfterAnswer(HttpServerRequest request) {
        Conn c = find(request);
        if (c != null) {
            closeAfterWrites(c.channel);
        } else {
            request.connection().close();
        }
    }

    private static void closeAfterWrites(Channel ch) {
        // runs after the current task, so after the answer Vert.x is writing now; the empty write completes once
        // everything before it has been flushed
        ch.eventLoop().execute(() -> ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE));
    }

    private Conn find(HttpServerRequest request) {
        SocketAddress remote = request.connection().remoteAddress();
        String key = remote == null ? null : key(remote.hostAddress(), remote.port());
        return key == null ? null : byRemote.get(key);
    }

    private static String key(String host, int port) {
        if (host == null) {
            return null;
        }
        try {
            // one spelling of the address whichever side wrote it
            return java.net.InetAddress.ofLiteral(host).getHostAddress() + "|" + port;
        } catch (IllegalArgumentException e) {
            return host + "|" + port;
        }
    }

    private static String key(java.net.SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return key(inet.getAddress().getHostAddress(), inet.getPort());
        }
        return null;
    }

    /** A complete HTTP/1.1 error answer with the contract's JSON body, written below Vert.x; the connection closes. */
    static byte[] rawAnswer(ErrorCode code, String reason, String message) {
        byte[] body = new JsonObject().put("error", new JsonObject().put("code", code.code()).put("message", message))
                .encode().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + code.status() + " " + reason + "\r\nContent-Type: application/json\r\n"
                + (code == ErrorCode.OVERLOADED ? "Retry-After: " + FailureHandler.RETRY_AFTER_SECONDS + "\r\n" : "")
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    /**
     * An HTTP/1.x error answer Vert.x wrote itself with an empty body (for example 501 for an HTTP version it does
     * not speak), given the contract's JSON error body instead; null for every other write.
     */
    static ByteBuf withErrorBody(ByteBuf buf) {
        int n = buf.readableBytes();
        int at = buf.readerIndex();
        if (n < 16 || n > 8192 || buf.getByte(at) != 'H' || buf.getByte(at + 5) != '1'
                || (buf.getByte(at + 9) != '4' && buf.getByte(at + 9) != '5')) {
            return null;
        }
        String head = buf.toString(at, n, StandardCharsets.ISO_8859_1);
        String lower = head.toLowerCase(Locale.ROOT);
        int length = lower.indexOf("\r\ncontent-length: 0\r\n");
        if (!head.startsWith("HTTP/1.") || !head.endsWith("\r\n\r\n") || length < 0
                || lower.contains("\r\ncontent-type:")) {
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(head.substring(9, 12));
        } catch (NumberFormatException e) {
            return null;
        }
        var error = FailureHandler.toRequestException(null, status);
        byte[] body = new JsonObject().put("error", new JsonObject().put("code", error.code().code())
                .put("message", error.getMessage())).encode().getBytes(StandardCharsets.UTF_8);
        String fixed = head.substring(0, length) + "\r\ncontent-type: application/json\r\ncontent-length: "
                + body.length + head.substring(length + "\r\ncontent-length: 0".length());
        return Unpooled.wrappedBuffer(fixed.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static void answerAndClose(ChannelHandlerContext ctx, byte[] answer) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(answer)).addListener(ChannelFutureListener.CLOSE);
    }

    /** One connection: counted while open, timed while its request headers are awaited. */
    private final class Conn extends ChannelDuplexHandler {
        private Channel channel;
        private String key;
        private boolean counted;
        private boolean inputShutdown;
        private boolean awaitingHeaders = true;
        private boolean multiplexed;
        /** Requests started and not yet answered. */
        private final List<HttpServerRequest> requests = new ArrayList<>(1);
        private ScheduledFuture<?> headerTimer;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            channel = ctx.channel();
            counted = true;
            if (open.incrementAndGet() > maxConnections) {
                answerAndClose(ctx, rawAnswer(ErrorCode.OVERLOADED, "Service Unavailable",
                        "too many connections; retry later"));
                return;
            }
            key = key(channel.remoteAddress());
            if (key != null) {
                byRemote.put(key, this);
            }
            armHeaderTimer(ctx);
            super.channelActive(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            release();
            super.channelInactive(ctx);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            release();
        }

        private void release() {
            cancelHeaderTimer();
            if (counted) {
                counted = false;
                open.decrementAndGet();
            }
            if (key != null) {
                byRemote.remove(key, this);
                key = null;
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (awaitingHeaders && headerTimer == null && !multiplexed) {
                armHeaderTimer(ctx);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof ChannelInputShutdownEvent) {
                inputShutdown = true;
                // nothing to answer, or a request whose body can no longer arrive: close now
                if (requests.isEmpty() || requests.stream().anyMatch(r -> !r.isEnded())) {
                    ctx.close();
                    return;
                }
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof ByteBuf buf) {
                ByteBuf replaced = withErrorBody(buf);
                if (replaced != null) {
                    buf.release();
                    msg = replaced;
                }
            }
            super.write(ctx, msg, promise);
        }

        private void armHeaderTimer(ChannelHandlerContext ctx) {
            headerTimer = ctx.executor().schedule(() -> {
                headerTimer = null;
                if (awaitingHeaders && ctx.channel().isActive()) {
                    answerAndClose(ctx, rawAnswer(ErrorCode.REQUEST_TIMEOUT, "Request Timeout",
                            "the request headers took longer than " + headerTimeoutMs + " ms"));
                }
            }, headerTimeoutMs, TimeUnit.MILLISECONDS);
        }

        void cancelHeaderTimer() {
            if (headerTimer != null) {
                headerTimer.cancel(false);
                headerTimer = null;
            }
        }
    }
}
