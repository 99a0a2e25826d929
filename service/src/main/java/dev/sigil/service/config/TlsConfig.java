package dev.sigil.service.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code server.tls} section: the server's certificate and key (PEM files, or one PKCS#12 file), the protocols
 * and cipher suites, client certificates (mutual TLS) and how often the files are checked for a change. Only what
 * can be checked without reading the files is checked here; the files are read when the server starts.
 *
 * @param certFile PEM certificate chain, the server's certificate first
 * @param keyFile PEM private key (PKCS#8, PKCS#1 or SEC1, plain or encrypted with {@code password})
 * @param pkcs12File a PKCS#12 file holding one private key and its chain, instead of the two PEM files
 * @param password the password of {@code pkcs12File} or of an encrypted {@code keyFile}
 * @param protocols the TLS versions offered: {@code TLSv1.3}, {@code TLSv1.2} (never older ones)
 * @param cipherSuites the cipher suites offered, in order; empty for the defaults
 * @param clientAuth whether a client certificate is asked for
 * @param clientCaFile PEM certificates of the CAs that sign client certificates
 * @param clientFingerprints SHA-256 fingerprints (lowercase hex) of the only client certificates accepted; empty: any
 *     certificate {@code clientCaFile} trusts
 * @param reloadCheckSeconds how often the files are checked for a change (0: only on SIGHUP)
 */
public record TlsConfig(Optional<Path> certFile, Optional<Path> keyFile, Optional<Path> pkcs12File,
        Optional<SecretRef> password, List<String> protocols, List<String> cipherSuites, ClientAuth clientAuth,
        Optional<Path> clientCaFile, List<String> clientFingerprints, int reloadCheckSeconds) {

    /** The versions a server may offer. */
    public static final List<String> ALLOWED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    public TlsConfig {
        protocols = List.copyOf(protocols);
        cipherSuites = List.copyOf(cipherSuites);
        clientFingerprints = List.copyOf(clientFingerprints);
    }

    /** {@code server.tls.clientAuth}. */
    public enum ClientAuth {
        /** No client certificate is asked for. */
        NONE("none"),
        /** A certificate is asked for; a client without one is let in, one with a refused certificate is not. */
        REQUEST("request"),
        /** A client without an accepted certificate is refused during the handshake. */
        REQUIRE("require");

        private final String wire;

        ClientAuth(String wire) {
            this.wire = wire;
        }

        public String wireName() {
            return wire;
        }

        static Optional<ClientAuth> fromWire(String s) {
            for (ClientAuth c : values()) {
                if (c.wire.equals(s)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    /** Reads the section (a mapping under {@code server.tls}). */
    static TlsConfig parse(Section s) {
        Optional<Path> cert = path(s, "certFile");
        Optional<Path> key = path(s, "keyFile");
        Optional<Path> p12 = path(s, "pkcs12File");
        Optional<SecretRef> password = Optional.ofNullable(s.string("password", null))
                .map(ref -> SecretRef.parse(s.field("password"), ref));
        if (p12.isPresent() && (cert.isPresent() || key.isPresent())) {
            throw new ConfigException(s.field("pkcs12File") + ": give either pkcs12File or certFile and keyFile, not both");
        }
        if (p12.isEmpty() && cert.isEmpty()) {
            throw new ConfigException(s.field("certFile") + ": is required (or " + s.field("pkcs12File") + ")");
        }
        if (p12.isEmpty() && key.isEmpty()) {
            throw new ConfigException(s.field("keyFile") + ": is required with certFile");
        }
        List<String> protocols = protocols(s);
        List<String> suites = s.strings("cipherSuites");
        String authWord = s.string("clientAuth", "none");
        ClientAuth clientAuth = ClientAuth.fromWire(authWord).orElseThrow(() -> new ConfigException(
                s.field("clientAuth") + ": must be none, request or require, got " + authWord));
        Optional<Path> ca = path(s, "clientCaFile");
        List<String> fingerprints = fingerprints(s);
        if (clientAuth == ClientAuth.NONE && (ca.isPresent() || !fingerprints.isEmpty())) {
            throw new ConfigException(s.field("clientAuth") + ": is none, so clientCaFile and clientFingerprints would"
                    + " not be used; set it to request or require");
        }
        if (clientAuth != ClientAuth.NONE && ca.isEmpty() && fingerprints.isEmpty()) {
            throw new ConfigException(s.field("clientAuth") + ": " + clientAuth.wireName() + " needs "
                    + s.field("clientCaFile") + " or " + s.field("clientFingerprints"));
        }
        int reload = s.integer("reloadCheckSeconds", 10, 0, 86_400);
        s.finish();
        return new TlsConfig(cert, key, p12, password, protocols, suites, clientAuth, ca, fingerprints, reload);
    }

    private static Optional<Path> path(Section s, String name) {
        String v = s.string(name, null);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isBlank()) {
            throw new ConfigException(s.field(name) + ": must not be empty");
        }
        return Optional.of(Path.of(v));
    }

    private static List<String> protocols(Section s) {
        if (!s.has("protocols")) {
            return ALLOWED_PROTOCOLS;
        }
        List<String> out = new ArrayList<>(new LinkedHashSet<>(s.strings("protocols")));
        if (out.isEmpty()) {
            throw new ConfigException(s.field("protocols") + ": at least one of TLSv1.3, TLSv1.2");
        }
        for (String p : out) {
            if (!ALLOWED_PROTOCOLS.contains(p)) {
                throw new ConfigException(s.field("protocols") + ": " + p + " is not allowed (TLSv1.3 and TLSv1.2 only)");
            }
        }
        return out;
    }

    private static List<String> fingerprints(Section s) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : s.strings("clientFingerprints")) {
            String hex = f.replace(":", "").strip().toLowerCase(Locale.ROOT);
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new ConfigException(s.field("clientFingerprints") + ": " + f + " is not a SHA-256 fingerprint"
                        + " (64 hex digits, colons allowed)");
            }
            out.add(HexFormat.of().formatHex(HexFormat.of().parseHex(hex)));
        }
        return List.copyOf(out);
    }
}
