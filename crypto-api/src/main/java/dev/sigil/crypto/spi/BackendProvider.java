package dev.sigil.crypto.spi;

/**
 * Found with {@link java.util.ServiceLoader}; makes a backend when the machine has what it needs.
 * {@link #isAvailable} is cheap: the library loads, a device is present, the backend is configured.
 */
public interface BackendProvider {

    /** The id of the backend this provider creates. */
    String id();

    /** True when {@link #create} can be expected to succeed with this context. */
    boolean isAvailable(BackendContext context);

    /**
     * Creates and starts the backend.
     *
     * @throws BackendException when the device or token cannot be opened
     */
    Backend create(BackendContext context);
}
