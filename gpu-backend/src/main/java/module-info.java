/** The OpenCL backend: kernels and JOCL host code; verify only. Reached only as a {@code BackendProvider}. */
module dev.sigil.gpu {
    requires dev.sigil.crypto;
    requires org.bouncycastle.provider;
    requires jocl;
    requires java.logging;
    requires java.management;
    requires jdk.management;

    provides dev.sigil.crypto.spi.BackendProvider with dev.sigil.gpu.OpenClBackendProvider;
}
