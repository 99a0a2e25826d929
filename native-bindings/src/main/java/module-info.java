/**
 * Panama bindings. {@code dev.sigil.pkcs11} holds the wrappers; the jextract-shaped layer {@code dev.sigil.pkcs11.gen}
 * stays inside this module.
 */
module dev.sigil.nativebindings {
    exports dev.sigil.pkcs11;
}
