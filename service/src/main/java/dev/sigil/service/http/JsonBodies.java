package dev.sigil.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;

/**
 * Decoding of the small JSON bodies (sign, keys): wrong JSON, including an object with the same key twice, is
 * {@code malformed-json}; wrong types are {@code invalid-request} naming the field.
 */
public final class JsonBodies {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(VerifyRequestParser.MAX_NESTING)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private JsonBodies() {
    }

    /** The request body (empty when there is none). */
    public static Buffer buffer(RoutingContext ctx) {
        return JsonBodyHandler.body(ctx);
    }

    public static JsonObject object(RoutingContext ctx) {
        return object(buffer(ctx));
    }

    public static JsonObject object(Buffer body) {
        if (body == null || body.length() == 0) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body is empty");
        }
        rejectDuplicateKeys(body);
        Object value;
        try {
            value = Json.decodeValue(body);
        } catch (DecodeException | IllegalStateException | ClassCastException e) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON");
        }
        if (!(value instanceof JsonObject object)) {
            throw RequestException.invalid("the request body must be a JSON object");
        }
        return object;
    }

    /**
     * One streaming pass that refuses an object holding the same key twice ({@code malformed-json}): a decoder that
     * keeps the last of them would act on a value another reader of the same body does not see.
     */
    static void rejectDuplicateKeys(Buffer body) {
        try (JsonParser p = STRICT.createParser(body.getBytes())) {
            while (p.nextToken() != null) {
                // reading every token is the check
            }
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            if (m != null && m.startsWith("Duplicate field")) {
                throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON: "
                        + VerifyRequestParser.brief(m));
            }
            // other syntax errors are reported by the decoder
        } catch (IOException e) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body cannot be read");
        }
    }

    /** A string field; null when absent and not required. */
    public static String string(JsonObject o, String field, boolean required) {
        Object v = o.getValue(field);
        if (v == null) {
            if (required) {
                throw RequestException.invalid(field + " is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw RequestException.invalid(field + " must be a string");
        }
        return s;
    }

    public static JsonArray array(JsonObject o, String field) {
        Object v = o.getValue(field);
        if (!(v instanceof JsonArray a)) {
            throw RequestException.invalid(field + " must be an array");
        }
        return a;
    }
}
