/** The CPU backend (Bouncy Castle, the reference for every rule set). */
module dev.sigil.cpu {
    requires dev.sigil.crypto;
    requires org.bouncycastle.provider;

    // The service still builds CPU backends and keys itself (known answers, key store, recovery id).
    exports dev.sigil.cpu to dev.sigil.service;

    provides dev.sigil.crypto.spi.BackendProvider with dev.sigil.cpu.CpuBackendProvider;
}
