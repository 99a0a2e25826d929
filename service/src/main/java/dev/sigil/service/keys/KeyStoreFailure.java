package dev.sigil.service.keys;

/** A key store cannot be opened, read or written. Messages never hold secrets. */
public final class KeyStoreFailure extends RuntimeException {
    public KeyStoreFailure(String message) {
        super(message);
    }

    public KeyStoreFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
