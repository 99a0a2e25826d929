package dev.sigil.service.http;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Decoding of the small JSON bodies (sign, keys): wrong JSON is {@code malformed-json}, wrong types are
 * {@code invalid-request} naming the field.
 */
public final class JsonBodies {
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
