/**
 * Schemes, rule sets, keys, batches and outcomes, the backend SPI every backend module provides, and the curve
 * arithmetic every backend shares (low-S, recovery id, key derivation), on Bouncy Castle's curves.
 */
module dev.sigil.crypto {
    requires org.bouncycastle.provider;

    exports dev.sigil.crypto;
    exports dev.sigil.crypto.spi;
}
