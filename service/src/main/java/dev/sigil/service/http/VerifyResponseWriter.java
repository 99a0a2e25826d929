package dev.sigil.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Verdict;
import dev.sigil.service.verify.VerifyResult;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Writes a {@link VerifyResult} as the contract's JSON, streaming (no tree). */
public final class VerifyResponseWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private VerifyResponseWriter() {
    }

    public static Buffer write(VerifyResult result) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + result.outcomes().length * 10);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("rules", result.rules().wireName());
            results(g, result.outcomes());
            problems(g, result.outcomes());
            backends(g, result.backends());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** {@code "results"}: each outcome's verdict word, in item order (verify and recover answers alike). */
    static void results(JsonGenerator g, Outcome[] outcomes) throws IOException {
        g.writeArrayFieldStart("results");
        for (Outcome o : outcomes) {
            g.writeString(o.verdict().wireName());
        }
        g.writeEndArray();
    }

    /** {@code "problems"}: index, code and message of each malformed item. */
    static void problems(JsonGenerator g, Outcome[] outcomes) throws IOException {
        g.writeArrayFieldStart("problems");
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].verdict() == Verdict.MALFORMED) {
                g.writeStartObject();
                g.writeNumberField("index", i);
                g.writeStringField("code", outcomes[i].problem().code());
                g.writeStringField("message", outcomes[i].detail());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    /** {@code "backends"}: items per backend. */
    static void backends(JsonGenerator g, Map<String, Integer> backends) throws IOException {
        g.writeObjectFieldStart("backends");
        for (Map.Entry<String, Integer> e : backends.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }
}
