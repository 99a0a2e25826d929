/**
 * Panama bindings. {@code dev.sigil.pkcs11} and {@code dev.sigil.secp256k1} hold the wrappers; their
 * jextract-shaped layers ({@code .gen}) stay inside this module.
 */
module dev.sigil.nativebindings {
    exports dev.sigil.pkcs11;
    exports dev.sigil.secp256k1;
}
