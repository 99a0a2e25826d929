package dev.sigil.crypto.spi;

import java.util.List;

/**
 * Found with {@link java.util.ServiceLoader}; makes a backend when the machine has what it needs.
 * {@link #isAvailable} is cheap: the library loads, a device is present, the backend is configured.
 */
public interface BackendProvider {

    /** The id of the backend this provider creates. */
    String id();

    /** The settings the backend reads from {@code backends.<id>}; any other setting there stops the service start. */
    default List<BackendSetting> settings() {
        return List.of();
    }

    /** True when {@link #create} can be expected to succeed with this context. */
    boolean isAvailable(BackendContext context);

    /**
     * Creates and starts the backend.
     *
     * @throws BackendException when the device or token cannot be opened
     */
    Backend create(BackendContext context);
}
