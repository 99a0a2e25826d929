package dev.sigil.service.tls;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides, during the handshake, whether a client certificate is accepted: its chain must lead to one of the
 * configured CAs (when {@code server.tls.clientCaFile} is set; otherwise the certificate must only be within its
 * validity dates), and when {@code server.tls.clientFingerprints} is set, the SHA-256 fingerprint of the client's own
 * certificate must be in it. A refused certificate fails the handshake; no request is read from that connection.
 */
final class ClientCertificateTrust extends X509ExtendedTrustManager {
    private static final Logger LOG = Logger.getLogger(ClientCertificateTrust.class.getName());

    private final Optional<X509ExtendedTrustManager> cas;
    private final Set<String> fingerprints;

    ClientCertificateTrust(Optional<X509ExtendedTrustManager> cas, Set<String> fingerprints) {
        this.cas = cas;
        this.fingerprints = Set.copyOf(fingerprints);
    }

    /** The SHA-256 of the certificate's DER encoding, lowercase hex (what {@code openssl x509 -fingerprint} shows). */
    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot hash a certificate", e);
        }
    }

    private void checkListed(X509Certificate[] chain) throws CertificateException {
        if (fingerprints.isEmpty()) {
            return;
        }
        String fp = fingerprint(chain[0]);
        if (!fingerprints.contains(fp)) {
            LOG.info("TLS: refused a client certificate not in server.tls.clientFingerprints: "
                    + chain[0].getSubjectX500Principal().getName() + ", SHA-256 " + fp);
            throw new CertificateException("the client certificate is not in server.tls.clientFingerprints");
        }
    }

    private static void checkPresent(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no client certificate");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkPresent(chain);
        if (cas.isPresent()) {
            cas.get().checkClientTrusted(chain, authType, engine);
        } else {
            chain[0].checkValidity();
        }
        checkListed(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        checkPresent(chain);
        if (cas.isPresent()) {
            cas.get().checkClientTrusted(chain, authType, socket);
        } else {
            chain[0].checkValidity();
        }
        checkListed(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        checkPresent(chain);
        if (cas.isPresent()) {
            cas.get().checkClientTrusted(chain, authType);
        } else {
            chain[0].checkValidity();
        }
        checkListed(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("this trust manager checks client certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("this trust manager checks client certificates only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager checks client certificates only");
    }

    /** The CAs named to clients in the certificate request; none when only fingerprints are configured. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return cas.map(X509ExtendedTrustManager::getAcceptedIssuers).orElse(new X509Certificate[0]);
    }
}
