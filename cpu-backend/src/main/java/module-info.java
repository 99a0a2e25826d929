/**
 * The CPU backend: an engine per scheme (libsecp256k1 through the bindings, AWS-LC through Amazon Corretto Crypto
 * Provider, Bouncy Castle as the reference for every rule set).
 */
module dev.sigil.cpu {
    requires dev.sigil.crypto;
    requires dev.sigil.nativebindings;
    requires org.bouncycastle.provider;
    requires com.amazon.corretto.crypto.provider;
    requires java.logging;

    // The bench builds the backend in process to compare it with plain library loops; the service never imports it.
    exports dev.sigil.cpu;

    provides dev.sigil.crypto.spi.BackendProvider with dev.sigil.cpu.CpuBackendProvider;
}
