package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HTTP/2 request without {@code :authority} (as HAProxy's HTTP/2 health checks send unless given a host) is bad
 * input: 400 {@code invalid-request}, never 500. Spoken as raw HTTP/2 frames, since HTTP/2 clients always send it.
 */
class Http2WithoutAuthorityTest {
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** HPACK static-table indices of {@code :status 400} and {@code :status 500}, indexed (high bit set). */
    private static final int STATUS_400 = 0x80 | 12;
    private static final int STATUS_500 = 0x80 | 14;

    @TempDir
    Path dir;

    @Test
    void http2RequestWithoutAuthority_is400_not500() throws IOException {
        try (TestServer server = TestServer.start(dir, "");
                Socket socket = new Socket("127.0.0.1", server.server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(PREFACE);
            frame(out, 0x4, 0, 0, new byte[0]); // SETTINGS, empty
            ByteArrayOutputStream headers = new ByteArrayOutputStream();
            headers.write(0x82); // :method GET
            headers.write(0x86); // :scheme http
            byte[] path = "/health/ready".getBytes(StandardCharsets.US_ASCII);
            headers.write(0x44); // :path, literal value with incremental indexing
            headers.write(path.length);
            headers.write(path);
            frame(out, 0x1, 0x5, 1, headers.toByteArray()); // HEADERS, END_STREAM | END_HEADERS, stream 1
            out.flush();
            int first = firstResponseHeaderByte(new DataInputStream(socket.getInputStream()));
            assertThat(first).as("the :status of the answer (HPACK)").isNotEqualTo(STATUS_500).isEqualTo(STATUS_400);
        }
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(new byte[] {(byte) (payload.length >> 16), (byte) (payload.length >> 8), (byte) payload.length,
                (byte) type, (byte) flags, (byte) (stream >> 24), (byte) (stream >> 16), (byte) (stream >> 8),
                (byte) stream});
        out.write(payload);
    }

    /** Reads frames until the HEADERS of stream 1 and returns the first byte of its header block. */
    private static int firstResponseHeaderByte(DataInputStream in) throws IOException {
        while (true) {
            int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7fffffff;
            byte[] payload = in.readNBytes(length);
            if (type == 0x1 && stream == 1) {
                int at = (flags & 0x8) != 0 ? 1 : 0; // PADDED: pad length byte
                at += (flags & 0x20) != 0 ? 5 : 0; // PRIORITY: dependency and weight
                return payload[at] & 0xff;
            }
        }
    }
}
