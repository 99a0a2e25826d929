package dev.sigil.service.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** A JSON answer: status and encoded body. */
public record Reply(int status, Buffer body) {

    public static Reply ok(JsonObject json) {
        return new Reply(200, json.toBuffer());
    }

    public static Reply of(int status, JsonObject json) {
        return new Reply(status, json.toBuffer());
    }
}
