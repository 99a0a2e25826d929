package dev.sigil.pkcs11;

/** The PKCS #11 library could not be loaded or exports no function list. */
public final class ModuleLoadException extends RuntimeException {
    public ModuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
