package dev.sigil.service.verify;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import java.util.List;

/**
 * A decoded {@code POST /v1/verify} or {@code POST /v1/recover} body (the same shape; recovery items carry no key):
 * the rule-set and backend words as given (null when absent) and the items in request order, each either placed
 * under its scheme or already malformed.
 */
public record VerifyRequest(String rules, String backend, List<Item> items) {

    /** One item: a scheme and its bytes, or (when {@code problem} is not null) a malformed item. */
    public record Item(Scheme scheme, EncodedItem encoded, Outcome problem) {
        public static Item of(Scheme scheme, EncodedItem encoded) {
            return new Item(scheme, encoded, null);
        }

        public static Item malformed(Outcome problem) {
            return new Item(null, null, problem);
        }
    }
}
