package dev.sigil.service.http;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.auth.Principal;
import dev.sigil.service.auth.Role;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.keys.KeyService;
import dev.sigil.service.keys.KeyView;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /v1/keys}, {@code GET /v1/keys/{keyId}}, {@code POST /v1/keys}. Store work runs off the event loop. */
public final class KeysHandler {
    private final Authenticator auth;
    private final KeyService keys;
    private final Worker worker;

    public KeysHandler(Authenticator auth, KeyService keys, Worker worker) {
        this.auth = auth;
        this.keys = keys;
        this.worker = worker;
    }

    /** Lists the keys; a token without {@code admin} sees only the keys it may sign with. */
    public void list(RoutingContext ctx) {
        Principal p = auth.requireAny(ctx.request().getHeader("Authorization"), Role.SIGN, Role.ADMIN);
        worker.respond(ctx, () -> {
            JsonArray array = new JsonArray();
            keys.list().stream().filter(k -> p.has(Role.ADMIN) || p.maySignWith(k.keyId()))
                    .forEach(k -> array.add(encode(k)));
            return Reply.ok(new JsonObject().put("keys", array));
        });
    }

    public void get(RoutingContext ctx) {
        Principal p = auth.requireAny(ctx.request().getHeader("Authorization"), Role.SIGN, Role.ADMIN);
        String keyId = ctx.pathParam("keyId");
        KeyService.checkKeyId(keyId);
        if (!p.has(Role.ADMIN) && !p.maySignWith(keyId)) {
            throw new RequestException(ErrorCode.FORBIDDEN, "the token may not use this key");
        }
        worker.respond(ctx, () -> Reply.ok(encode(keys.get(keyId))));
    }

    public void create(RoutingContext ctx) {
        auth.require(ctx.request().getHeader("Authorization"), Role.ADMIN);
        Buffer raw = JsonBodies.buffer(ctx);
        worker.respond(ctx, () -> {
            JsonObject body = JsonBodies.object(raw);
            String keyId = JsonBodies.string(body, "keyId", true);
            KeyService.checkKeyId(keyId);
            String schemeWord = JsonBodies.string(body, "scheme", true);
            Scheme scheme = Scheme.fromWire(schemeWord).orElseThrow(() -> RequestException.invalid(
                    "unknown scheme (schemes: ecdsa-secp256k1, ecdsa-p256, sm2, ed25519, schnorr-secp256k1)"));
            String store = JsonBodies.string(body, "store", false);
            return Reply.of(201, encode(keys.create(keyId, scheme, store == null ? KeyView.SOFTWARE : store)));
        });
    }

    static JsonObject encode(KeyView key) {
        return new JsonObject().put("keyId", key.keyId())
                .put("scheme", key.publicKey().scheme().wireName())
                .put("publicKey", Hex.encode(key.publicKey().encoded()))
                .put("store", key.store());
    }
}
