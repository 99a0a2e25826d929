package dev.sigil.service.tls;

import dev.sigil.service.config.ConfigException;
import dev.sigil.service.config.SecretRef;
import dev.sigil.service.config.ServiceConfig;
import dev.sigil.service.config.TlsConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The transport security of the HTTP server, apart from the rest of its setup: reads {@code server.tls} (certificate
 * and key, client CAs and fingerprints) into Vert.x options, reloads them while the server runs, and decides whether
 * bearer tokens are accepted over plain HTTP. A bad file or password stops the start with a message naming the field.
 */
public final class TlsSetup implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TlsSetup.class.getName());
    static final String FIELD = "server.tls.";
    /** TLS 1.3 suites, then TLS 1.2 suites with forward secrecy and AEAD ciphers only. */
    static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final List<String> ALPN = List.of("h2", "http/1.1");

    private final ServiceConfig.Server server;
    private final Map<String, String> env;
    private final boolean refusesPlaintextTokens;
    private volatile Loaded current;
    private TlsReloader reloader;

    /** What was read from the files: the options for Vert.x and the certificate served. */
    record Loaded(ServerSSLOptions options, X509Certificate certificate) {
        String describe() {
            return certificate.getSubjectX500Principal().getName() + ", SHA-256 "
                    + ClientCertificateTrust.fingerprint(certificate) + ", valid until "
                    + certificate.getNotAfter().toInstant();
        }
    }

    private TlsSetup(ServiceConfig.Server server, Map<String, String> env, Loaded current) {
        this.server = server;
        this.env = Map.copyOf(env);
        this.current = current;
        this.refusesPlaintextTokens = current == null && !server.allowPlaintextTokens() && !isLoopback(server.host());
    }

    /** Reads the files of {@code server.tls} (if configured); a bad file or password stops the start here. */
    public static TlsSetup prepare(ServiceConfig.Server server, Map<String, String> env) {
        Loaded loaded = server.tls().map(t -> load(t, env)).orElse(null);
        TlsSetup setup = new TlsSetup(server, env, loaded);
        if (loaded != null) {
            LOG.info("TLS: serving certificate " + loaded.describe() + "; client certificates: "
                    + server.tls().orElseThrow().clientAuth().wireName());
            warnIfExpired(loaded.certificate());
        } else if (!isLoopback(server.host())) {
            LOG.warning("serving plain HTTP on " + server.host() + ", not a loopback address: bearer tokens and"
                    + " signing requests travel in clear text. " + (server.allowPlaintextTokens()
                    ? "server.allowPlaintextTokens is true, so bearer tokens are accepted anyway."
                    : "Requests carrying a bearer token are refused (401) unless server.allowPlaintextTokens is true.")
                    + " Configure server.tls to serve HTTPS.");
        }
        return setup;
    }

    public boolean enabled() {
        return current != null;
    }

    /**
     * True when requests carrying a bearer token must be refused: plain HTTP on an address other than loopback,
     * without {@code server.allowPlaintextTokens}.
     */
    public boolean refusesPlaintextTokens() {
        return refusesPlaintextTokens;
    }

    /** True once SIGHUP reloads the TLS files in this process (the handler is installed with the first server). */
    public static boolean reloadsOnHangup() {
        return HangupSignal.installed();
    }

    /** True when this process was started with SIGHUP ignored (nohup), so that no handler could be installed. */
    public static boolean hangupIgnored() {
        return HangupSignal.ignored();
    }

    /** Turns on TLS in the server options (nothing when TLS is not configured). */
    public void configure(HttpServerOptions options) {
        Loaded l = current;
        if (l == null) {
            return;
        }
        ServerSSLOptions ssl = l.options();
        options.setSsl(true).setUseAlpn(true).setClientAuth(ssl.getClientAuth())
                .setKeyCertOptions(ssl.getKeyCertOptions())
                .setEnabledSecureTransportProtocols(ssl.getEnabledSecureTransportProtocols());
        if (ssl.getTrustOptions() != null) {
            options.setTrustOptions(ssl.getTrustOptions());
        }
        ssl.getEnabledCipherSuites().forEach(options::addEnabledCipherSuite);
    }

    /** Once the server listens: reloads on SIGHUP and, if configured, when a file changes. */
    public synchronized void startReloading(Vertx vertx, HttpServer http) {
        if (current != null && reloader == null) {
            reloader = TlsReloader.start(vertx, http, server.tls().orElseThrow(), this);
        }
    }

    /**
     * Reads the files again and gives new connections the new certificate and client trust; connections already
     * open keep theirs. A file that cannot be used leaves the previous settings in place (logged).
     *
     * @return true when the new settings were taken
     */
    public boolean reload() {
        TlsReloader r;
        synchronized (this) {
            r = reloader;
        }
        if (r == null) {
            throw new IllegalStateException("TLS is not configured or the server does not listen");
        }
        return r.reload("requested");
    }

    /** Loads the files again (for the reloader); the current settings change only when the server took them. */
    Loaded loadAgain() {
        return load(server.tls().orElseThrow(), env);
    }

    void taken(Loaded loaded) {
        current = loaded;
    }

    @Override
    public synchronized void close() {
        if (reloader != null) {
            reloader.close();
            reloader = null;
        }
    }

    static Loaded load(TlsConfig c, Map<String, String> env) {
        char[] password = c.password().map(ref -> resolve(ref, env)).orElse(new char[0]);
        try {
            TlsFiles.Identity identity;
            if (c.pkcs12File().isPresent()) {
                identity = TlsFiles.pkcs12(FIELD + "pkcs12File", c.pkcs12File().get(), FIELD + "password", password);
                TlsFiles.checkPair(FIELD + "pkcs12File", FIELD + "pkcs12File", identity);
            } else {
                List<X509Certificate> chain = TlsFiles.certificates(FIELD + "certFile", c.certFile().orElseThrow());
                identity = new TlsFiles.Identity(TlsFiles.privateKey(FIELD + "keyFile", c.keyFile().orElseThrow(),
                        FIELD + "password", password), chain);
                TlsFiles.checkPair(FIELD + "keyFile", FIELD + "certFile", identity);
            }
            ServerSSLOptions options = new ServerSSLOptions()
                    .setKeyCertOptions(KeyCertOptions.wrap(keyManagers(identity)))
                    .setClientAuth(switch (c.clientAuth()) {
                        case NONE -> ClientAuth.NONE;
                        case REQUEST -> ClientAuth.REQUEST;
                        case REQUIRE -> ClientAuth.REQUIRED;
                    })
                    .setEnabledSecureTransportProtocols(new LinkedHashSet<>(c.protocols()))
                    .setUseAlpn(true)
                    .setApplicationLayerProtocols(ALPN);
            cipherSuites(c.cipherSuites()).forEach(options::addEnabledCipherSuite);
            clientTrust(c).ifPresent(t -> options.setTrustOptions(
                    TrustOptions.wrap(new FixedTrustManagerFactory(t))));
            return new Loaded(options, identity.leaf());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] resolve(SecretRef ref, Map<String, String> env) {
        try {
            return ref.resolve(env);
        } catch (ConfigException e) {
            throw new ConfigException(FIELD + "password: " + e.getMessage());
        }
    }

    private static KeyManagerFactory keyManagers(TlsFiles.Identity identity) {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        char[] inMemory = Base64.getEncoder().encodeToString(random).toCharArray();
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", identity.key(), inMemory, identity.chain().toArray(new X509Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
            kmf.init(store, inMemory);
            return kmf;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ConfigException(FIELD + "keyFile: the key cannot serve TLS (" + e.getMessage() + ")");
        }
    }

    private static Optional<X509ExtendedTrustManager> clientTrust(TlsConfig c) {
        if (c.clientAuth() == TlsConfig.ClientAuth.NONE) {
            return Optional.empty();
        }
        Optional<X509ExtendedTrustManager> cas = c.clientCaFile().map(f -> caTrust(f));
        return Optional.of(new ClientCertificateTrust(cas, Set.copyOf(c.clientFingerprints())));
    }

    private static X509ExtendedTrustManager caTrust(Path file) {
        List<X509Certificate> cas = TlsFiles.certificates(FIELD + "clientCaFile", file);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(store);
            return (X509ExtendedTrustManager) tmf.getTrustManagers()[0];
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new ConfigException(FIELD + "clientCaFile: cannot use " + file + " (" + e.getMessage() + ")");
        }
    }

    private static List<String> cipherSuites(List<String> configured) {
        Set<String> supported;
        try {
            supported = Set.of(SSLContext.getDefault().getSupportedSSLParameters().getCipherSuites());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no TLS", e);
        }
        if (configured.isEmpty()) {
            return DEFAULT_CIPHER_SUITES.stream().filter(supported::contains).toList();
        }
        for (String s : configured) {
            if (!supported.contains(s)) {
                throw new ConfigException(FIELD + "cipherSuites: " + s + " is not a cipher suite this JDK offers");
            }
        }
        return configured;
    }

    private static void warnIfExpired(X509Certificate certificate) {
        Instant now = Instant.now();
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            LOG.warning("TLS: the server certificate expired on " + certificate.getNotAfter().toInstant());
        } else if (certificate.getNotBefore().toInstant().isAfter(now)) {
            LOG.warning("TLS: the server certificate is valid only from " + certificate.getNotBefore().toInstant());
        }
    }

    /** True when every address of the host is a loopback address ({@code 127.0.0.0/8}, {@code ::1}). */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
