package dev.sigil.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sigil.crypto.Outcome;
import dev.sigil.service.verify.RecoverResult;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Writes a {@link RecoverResult} as the contract's JSON (lowercase hex, null where no key), streaming. */
public final class RecoverResponseWriter {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final HexFormat HEX = HexFormat.of();

    private RecoverResponseWriter() {
    }

    public static Buffer write(RecoverResult result) {
        Outcome[] outcomes = result.outcomes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + outcomes.length * 190);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("rules", result.rules().wireName());
            VerifyResponseWriter.results(g, outcomes);
            hexArray(g, "publicKeys", result.publicKeys());
            hexArray(g, "addresses", result.addresses());
            VerifyResponseWriter.problems(g, outcomes);
            VerifyResponseWriter.backends(g, result.backends());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    private static void hexArray(JsonGenerator g, String field, byte[][] values) throws IOException {
        g.writeArrayFieldStart(field);
        for (byte[] v : values) {
            if (v == null) {
                g.writeNull();
            } else {
                g.writeString(HEX.formatHex(v));
            }
        }
        g.writeEndArray();
    }
}
