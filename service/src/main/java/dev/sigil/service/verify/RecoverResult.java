package dev.sigil.service.verify;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import java.util.Map;

/**
 * The answer to a recovery request, in request order: one outcome per item and, for each valid item, the recovered
 * key (SEC1 uncompressed, 65 bytes) and its Ethereum address (20 bytes); null for the others. And items per backend.
 */
public record RecoverResult(RuleSet rules, Outcome[] outcomes, byte[][] publicKeys, byte[][] addresses,
        Map<String, Integer> backends) {
}
