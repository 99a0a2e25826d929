package dev.sigil.crypto;

import java.util.Objects;

/**
 * The result of one item: {@code VALID}, {@code INVALID}, or {@code MALFORMED} with a stable {@link ProblemCode}
 * and a human-readable detail. Bad signatures are data, not exceptions.
 */
public final class Outcome {
    public static final Outcome VALID = new Outcome(Verdict.VALID, null, null);
    public static final Outcome INVALID = new Outcome(Verdict.INVALID, null, null);

    private final Verdict verdict;
    private final ProblemCode problem;
    private final String detail;

    private Outcome(Verdict verdict, ProblemCode problem, String detail) {
        this.verdict = verdict;
        this.problem = problem;
        this.detail = detail;
    }

    public static Outcome malformed(ProblemCode problem, String detail) {
        return new Outcome(Verdict.MALFORMED, Objects.requireNonNull(problem), Objects.requireNonNull(detail));
    }

    public static Outcome of(boolean valid) {
        return valid ? VALID : INVALID;
    }

    public Verdict verdict() {
        return verdict;
    }

    /** The problem code of a malformed item; null otherwise. */
    public ProblemCode problem() {
        return problem;
    }

    /** The detail of a malformed item; null otherwise. */
    public String detail() {
        return detail;
    }

    public boolean isValid() {
        return verdict == Verdict.VALID;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Outcome other && other.verdict == verdict && other.problem == problem;
    }

    @Override
    public int hashCode() {
        return Objects.hash(verdict, problem);
    }

    @Override
    public String toString() {
        return problem == null ? verdict.wireName() : verdict.wireName() + "(" + problem.code() + ": " + detail + ")";
    }
}
