package dev.sigil.secp256k1;

/** A libsecp256k1 operation that could not be done, with a stable reason. Never carries key material. */
public final class Secp256k1Exception extends RuntimeException {
    /** Why. */
    public enum Reason {
        /** The library could not be found, extracted, checked or loaded, or lacks a function. */
        LOAD_FAILED,
        /** A secret key is zero or not below the group order. */
        INVALID_SECRET_KEY,
        /** The library refused to sign (only with an invalid secret key). */
        SIGNING_FAILED,
        /** The library is closed. */
        CLOSED
    }

    private final Reason reason;

    public Secp256k1Exception(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
