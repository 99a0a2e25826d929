package dev.sigil.crypto.spi;

/**
 * The backend itself failed (device error, token removed, session lost): not a verdict on the input. Carries the
 * backend id; the router takes the backend out of rotation and re-runs its work elsewhere. Messages never contain
 * secrets (keys, PINs).
 */
public abstract sealed class BackendException extends RuntimeException
        permits BackendException.DeviceFailure, BackendException.Unavailable, BackendException.KeyFailure {

    private final String backendId;

    private BackendException(String backendId, String message, Throwable cause) {
        super("[" + backendId + "] " + message, cause);
        this.backendId = backendId;
    }

    public String backendId() {
        return backendId;
    }

    /** The device or token failed while working. */
    public static final class DeviceFailure extends BackendException {
        public DeviceFailure(String backendId, String message, Throwable cause) {
            super(backendId, message, cause);
        }
    }

    /** The backend cannot be opened or is not configured correctly (module missing, wrong PIN, no device). */
    public static final class Unavailable extends BackendException {
        public Unavailable(String backendId, String message, Throwable cause) {
            super(backendId, message, cause);
        }
    }

    /** A key the backend was asked to use or make could not be used or made. */
    public static final class KeyFailure extends BackendException {
        public KeyFailure(String backendId, String message, Throwable cause) {
            super(backendId, message, cause);
        }
    }
}
