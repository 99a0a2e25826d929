package dev.sigil.service.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.verify.VerifyRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a verify (or recovery) body in one streaming pass (no tree): items become bytes at once, problems of one item make that
 * item malformed, problems of the whole body are {@link RequestException}s. Nesting is capped, so deep or huge input
 * is a 400, never a stack overflow.
 */
public final class VerifyRequestParser {
    static final int MAX_NESTING = 64;

    private final JsonFactory factory;
    private final int maxItems;

    public VerifyRequestParser(int maxItems, long maxBodyBytes) {
        this.maxItems = maxItems;
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxBodyBytes))
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    public VerifyRequest parse(byte[] body) {
        return parse(body, false);
    }

    /** Decodes a {@code POST /v1/recover} body: the same shape, items without a public key. */
    public VerifyRequest parseRecover(byte[] body) {
        return parse(body, true);
    }

    private VerifyRequest parse(byte[] body, boolean recovery) {
        if (body.length == 0) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body is empty");
        }
        try (JsonParser p = factory.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw RequestException.invalid("the request body must be a JSON object");
            }
            VerifyRequest request = readTop(p, recovery);
            if (p.nextToken() != null) {
                throw new RequestException(ErrorCode.MALFORMED_JSON, "data after the JSON object");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body is not valid JSON: "
                    + brief(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body cannot be read");
        }
    }

    /** The parser's message without its location details. */
    static String brief(String message) {
        if (message == null) {
            return "unreadable";
        }
        String m = message.replaceAll("(?s)\\s*\\(start marker at .*$", "").replaceAll("(?s)\\s*at \\[Source.*$", "");
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private VerifyRequest readTop(JsonParser p, boolean recovery) throws IOException {
        String rules = null;
        String backend = null;
        List<VerifyRequest.Item> items = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "rules" -> rules = string(p, value, field);
                case "backend" -> backend = string(p, value, field);
                case "items" -> items = readItems(p, value, recovery);
                default -> p.skipChildren();
            }
        }
        if (p.currentToken() != JsonToken.END_OBJECT) {
            throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body ends inside the object");
        }
        if (items == null) {
            throw RequestException.invalid("items is required");
        }
        if (items.isEmpty()) {
            throw RequestException.invalid("items must hold at least one item");
        }
        return new VerifyRequest(rules, backend, items);
    }

    private static String string(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw RequestException.invalid(field + " must be a string");
        }
        return p.getText();
    }

    private List<VerifyRequest.Item> readItems(JsonParser p, JsonToken value, boolean recovery)
            throws IOException {
        if (value != JsonToken.START_ARRAY) {
            throw RequestException.invalid("items must be an array");
        }
        List<VerifyRequest.Item> items = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new RequestException(ErrorCode.MALFORMED_JSON, "the request body ends inside items");
            }
            if (items.size() == maxItems) {
                throw new RequestException(ErrorCode.BATCH_TOO_LARGE,
                        "a batch holds at most " + maxItems + " items");
            }
            items.add(ItemReader.read(p, recovery));
        }
        return items;
    }
}
