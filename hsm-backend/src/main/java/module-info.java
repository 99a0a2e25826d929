/** The PKCS #11 backend. Reached only as a {@code BackendProvider}; sees the bindings' wrappers, never their gen layer. */
module dev.sigil.hsm {
    requires dev.sigil.crypto;
    requires dev.sigil.nativebindings;

    provides dev.sigil.crypto.spi.BackendProvider with dev.sigil.hsm.HsmBackendProvider;
}
