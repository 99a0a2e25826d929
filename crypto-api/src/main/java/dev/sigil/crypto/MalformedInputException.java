package dev.sigil.crypto;

/**
 * Thrown by the checked parsing factories of this package when input bytes cannot be parsed; carries the stable
 * {@link ProblemCode} that the edge reports. The message never contains secret material.
 */
public final class MalformedInputException extends IllegalArgumentException {
    private final ProblemCode code;

    public MalformedInputException(ProblemCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }
}
