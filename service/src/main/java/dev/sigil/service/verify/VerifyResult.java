package dev.sigil.service.verify;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import java.util.Map;

/** The answer to a verify request: one outcome per item in request order, and items per backend. */
public record VerifyResult(RuleSet rules, Outcome[] outcomes, Map<String, Integer> backends) {
}
