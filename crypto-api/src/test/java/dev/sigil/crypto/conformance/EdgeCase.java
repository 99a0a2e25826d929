package dev.sigil.crypto.conformance;

import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;

/** One of the project's own edge cases: an item, the rule set, and the outcome every backend must give. */
public record EdgeCase(String name, Scheme scheme, RuleSet rules, EncodedItem item, Verdict expected,
        ProblemCode problem) {

    static EdgeCase valid(String name, Scheme scheme, RuleSet rules, EncodedItem item) {
        return new EdgeCase(name, scheme, rules, item, Verdict.VALID, null);
    }

    static EdgeCase invalid(String name, Scheme scheme, RuleSet rules, EncodedItem item) {
        return new EdgeCase(name, scheme, rules, item, Verdict.INVALID, null);
    }

    static EdgeCase malformed(String name, Scheme scheme, EncodedItem item, ProblemCode problem) {
        return new EdgeCase(name, scheme, RuleSet.STANDARD, item, Verdict.MALFORMED, problem);
    }

    @Override
    public String toString() {
        return scheme + "/" + rules + " " + name;
    }
}
