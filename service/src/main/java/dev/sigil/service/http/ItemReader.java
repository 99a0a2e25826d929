package dev.sigil.service.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hex;
import dev.sigil.crypto.MalformedInputException;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.service.verify.VerifyRequest;
import java.io.IOException;
import java.nio.CharBuffer;

/**
 * Reads one verify item from the token stream, hex-decoding as it goes. The first problem found makes the item
 * malformed; the rest of the item is still consumed so the stream stays in step.
 */
final class ItemReader {
    private Scheme scheme;
    private String schemeWord;
    private byte[] publicKey;
    private byte[] message;
    private byte[] digest;
    private byte[] signature;
    private byte[] userId;
    private byte[] certificate;
    private SignatureFormat format;
    private Outcome problem;

    /** Reads the value at the current token (the start of the item) and everything in it. */
    static VerifyRequest.Item read(JsonParser p) throws IOException {
        ItemReader r = new ItemReader();
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return VerifyRequest.Item.malformed(
                    Outcome.malformed(ProblemCode.MALFORMED_ITEM, "an item must be a JSON object"));
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            r.field(p, field);
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new com.fasterxml.jackson.core.JsonParseException(p, "item ends early");
        }
        return r.finish();
    }

    private void field(JsonParser p, String field) throws IOException {
        if (!isKnown(field)) {
            p.skipChildren();
            return;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            p.skipChildren();
            fail(ProblemCode.MALFORMED_ITEM, field + " must be a string");
            return;
        }
        if (problem != null) {
            return;
        }
        try {
            switch (field) {
                case "scheme" -> schemeWord = p.getText();
                case "signatureFormat" -> format = SignatureFormat.fromWire(p.getText()).orElseThrow(() ->
                        new MalformedInputException(ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT,
                                "signatureFormat must be der or raw"));
                case "publicKey" -> publicKey = hex(p, field);
                case "message" -> message = hex(p, field);
                case "digest" -> digest = hex(p, field);
                case "signature" -> signature = hex(p, field);
                case "certificate" -> certificate = hex(p, field);
                default -> userId = hex(p, field);
            }
        } catch (MalformedInputException e) {
            fail(e.code(), e.getMessage());
        }
    }

    private static boolean isKnown(String field) {
        return switch (field) {
            case "scheme", "signatureFormat", "publicKey", "message", "digest", "signature", "userId",
                    "certificate" -> true;
            default -> false;
        };
    }

    private static byte[] hex(JsonParser p, String field) throws IOException {
        return Hex.decode(field, CharBuffer.wrap(p.getTextCharacters(), p.getTextOffset(), p.getTextLength()));
    }

    private void fail(ProblemCode code, String message) {
        if (problem == null) {
            problem = Outcome.malformed(code, message);
        }
    }

    private VerifyRequest.Item finish() {
        if (problem == null) {
            if (schemeWord == null) {
                fail(ProblemCode.UNKNOWN_SCHEME, "scheme is required");
            } else {
                scheme = Scheme.fromWire(schemeWord).orElse(null);
                if (scheme == null) {
                    fail(ProblemCode.UNKNOWN_SCHEME, "unknown scheme (schemes: ecdsa-secp256k1, ecdsa-p256, sm2, "
                            + "ed25519, schnorr-secp256k1)");
                }
            }
        }
        if (problem == null && (publicKey == null) == (certificate == null)) {
            fail(ProblemCode.MALFORMED_ITEM, "exactly one of publicKey and certificate is required");
        }
        if (problem == null && signature == null) {
            fail(ProblemCode.MALFORMED_ITEM, "signature is required");
        }
        if (problem != null) {
            return VerifyRequest.Item.malformed(problem);
        }
        return VerifyRequest.Item.of(scheme, new EncodedItem(publicKey, message, digest, signature, format, userId,
                certificate));
    }
}
