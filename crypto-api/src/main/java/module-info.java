/** Schemes, rule sets, keys, batches and outcomes, and the backend SPI every backend module provides. */
module dev.sigil.crypto {
    exports dev.sigil.crypto;
    exports dev.sigil.crypto.spi;
}
