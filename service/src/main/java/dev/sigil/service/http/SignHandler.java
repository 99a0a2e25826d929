package dev.sigil.service.http;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.MalformedInputException;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.keys.KeyService;
import dev.sigil.service.sign.SignItem;
import dev.sigil.service.sign.SignResult;
import dev.sigil.service.sign.SignService;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** {@code POST /v1/sign}: decode, check the token may sign with the key, sign off the event loop, encode. */
public final class SignHandler implements Handler<RoutingContext> {
    private final Authenticator auth;
    private final SignService service;
    private final Worker worker;
    private final int maxItems;

    public SignHandler(Authenticator auth, SignService service, Worker worker, int maxItems) {
        this.auth = auth;
        this.service = service;
        this.worker = worker;
        this.maxItems = maxItems;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        auth.identify(authorization);
        Buffer raw = JsonBodies.buffer(ctx);
        worker.respond(ctx, () -> {
            JsonObject body = JsonBodies.object(raw);
            String keyId = JsonBodies.string(body, "keyId", true);
            KeyService.checkKeyId(keyId);
            auth.requireSign(authorization, keyId);
            String format = JsonBodies.string(body, "signatureFormat", false);
            List<SignItem> items = items(JsonBodies.array(body, "items"));
            return Reply.ok(encode(service.sign(keyId, format, items)));
        });
    }

    private List<SignItem> items(JsonArray array) {
        if (array.isEmpty()) {
            throw RequestException.invalid("items must hold at least one item");
        }
        if (array.size() > maxItems) {
            throw new RequestException(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + maxItems + " items");
        }
        List<SignItem> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject item)) {
                throw RequestException.invalid("items[" + i + "] must be an object");
            }
            out.add(new SignItem(hex(item, "message", i), hex(item, "digest", i), hex(item, "userId", i)));
        }
        return out;
    }

    private static byte[] hex(JsonObject item, String field, int index) {
        String name = "items[" + index + "]." + field;
        Object v = item.getValue(field);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw RequestException.invalid(name + " must be a hex string");
        }
        try {
            return Hex.decode(name, s);
        } catch (MalformedInputException e) {
            throw RequestException.invalid(e.getMessage());
        }
    }

    private static JsonObject encode(SignResult result) {
        JsonArray signatures = new JsonArray();
        result.signatures().forEach(s -> signatures.add(Hex.encode(s)));
        return new JsonObject().put("keyId", result.keyId())
                .put("scheme", result.publicKey().scheme().wireName())
                .put("publicKey", Hex.encode(result.publicKey().encoded()))
                .put("signatures", signatures)
                .put("backend", result.backend());
    }
}
