package dev.sigil.service.tls;

import java.security.KeyStore;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

/**
 * A factory that hands out one given trust manager. Vert.x's own {@code TrustOptions.wrap(TrustManager)} needs SLF4J
 * on the class path, which this service does not carry; {@code TrustOptions.wrap(TrustManagerFactory)} does not.
 */
final class FixedTrustManagerFactory extends TrustManagerFactory {
    FixedTrustManagerFactory(TrustManager trustManager) {
        super(new Spi(trustManager), null, "sigil-client-certificates");
    }

    private static final class Spi extends TrustManagerFactorySpi {
        private final TrustManager trustManager;

        Spi(TrustManager trustManager) {
            this.trustManager = trustManager;
        }

        @Override
        protected void engineInit(KeyStore ks) {
            // the trust manager is built already
        }

        @Override
        protected void engineInit(ManagerFactoryParameters spec) {
            // the trust manager is built already
        }

        @Override
        protected TrustManager[] engineGetTrustManagers() {
            return new TrustManager[] {trustManager};
        }
    }
}
