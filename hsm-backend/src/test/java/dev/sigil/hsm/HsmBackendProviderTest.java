package dev.sigil.hsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.cpu.CpuBackend;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendContext;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendProvider;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HsmBackendProviderTest {
    private static final String WRONG_PIN = "wrong-pin-9876";
    private static final Logger SIGIL_LOG = Logger.getLogger("dev.sigil");
    private static final List<String> LOGGED = new ArrayList<>();
    private static final Handler CAPTURE = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public synchronized void publish(LogRecord record) {
            LOGGED.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static TestTokens.Token token;
    private static TestTokens.Token envToken;
    private static TestTokens.Token external;
    private static String externalPoint;

    @BeforeAll
    static void tokens() {
        token = TestTokens.create("provider");
        envToken = TestTokens.create("provider-env", TestTokens.ENV_PIN);
        external = TestTokens.create("provider-ext");
        SoftHsm.require(SoftHsm.hasPkcs11Tool(), "pkcs11-tool is not on the PATH (apt-get install opensc)");
        String out = SoftHsm.get().pkcs11Tool("--token-label", external.label(), "--login", "--pin",
                TestTokens.USER_PIN, "--keypairgen", "--key-type", "EC:secp256r1", "--label", "x", "--id", "01");
        externalPoint = out.lines().filter(l -> l.strip().startsWith("EC_POINT:")).findFirst().orElseThrow()
                .strip().substring("EC_POINT:".length()).strip();
        SIGIL_LOG.setLevel(Level.ALL);
        SIGIL_LOG.addHandler(CAPTURE);
    }

    @AfterAll
    static void stopCapture() {
        SIGIL_LOG.removeHandler(CAPTURE);
    }

    private static BackendContext context(Map<String, Object> settings) {
        return BackendContext.defaults().withSettings(settings);
    }

    @Test
    void serviceLoader_findsTheProviderUnderIdHsm() {
        assertThat(ServiceLoader.load(BackendProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("hsm")).toList()).hasSize(1)
                .first().isInstanceOf(HsmBackendProvider.class);
    }

    @Test
    void isAvailable_onlyWhenConfiguredWithAModuleThatExists() {
        HsmBackendProvider p = new HsmBackendProvider();
        assertThat(p.isAvailable(BackendContext.defaults())).isFalse();
        assertThat(p.isAvailable(context(token.settings("module", "/nonexistent/libpkcs11.so")))).isFalse();
        assertThat(p.isAvailable(context(token.settings()))).isTrue();
    }

    @Test
    void create_unconfigured_isUnavailable() {
        assertThatThrownBy(() -> new HsmBackendProvider().create(BackendContext.defaults()))
                .isInstanceOf(BackendException.Unavailable.class).hasMessageContaining("not configured");
    }

    @Test
    void create_missingModule_isUnavailableNamingThePath() {
        assertThatThrownBy(() -> new HsmBackendProvider().create(context(token.settings("module",
                "/nonexistent/libpkcs11.so")))).isInstanceOf(BackendException.Unavailable.class)
                .hasMessageContaining("/nonexistent/libpkcs11.so");
    }

    @Test
    void create_fileThatIsNoPkcs11Library_isUnavailable() throws Exception {
        Path bogus = Files.writeString(SoftHsm.get().configuration().resolveSibling("bogus.so"), "not a library");
        assertThatThrownBy(() -> new HsmBackendProvider().create(context(token.settings("module",
                bogus.toString())))).isInstanceOf(BackendException.Unavailable.class)
                .hasMessageContaining("cannot load the PKCS #11 module");
    }

    @Test
    void create_missingToken_isUnavailableNamingTheLabel() {
        assertThatThrownBy(() -> new HsmBackendProvider().create(context(token.settings("tokenLabel",
                "no-such-token")))).isInstanceOf(BackendException.Unavailable.class)
                .hasMessageContaining("no token labelled 'no-such-token'");
    }

    @Test
    void create_wrongPin_isUnavailableWithPinIncorrect_andThePinAppearsNowhere() throws Exception {
        Path wrong = Files.writeString(SoftHsm.get().configuration().resolveSibling("pins").resolve("wrong.pin"),
                WRONG_PIN);
        LOGGED.clear();
        Throwable thrown = null;
        try {
            new HsmBackendProvider().create(context(token.settings("pin", "file:" + wrong))).close();
        } catch (BackendException.Unavailable e) {
            thrown = e;
        }
        assertThat(thrown).isNotNull().hasMessageContaining("CKR_PIN_INCORRECT");
        assertThat(everyMessage(thrown)).doesNotContain(WRONG_PIN).doesNotContain(TestTokens.USER_PIN);
        assertThat(String.join("\n", LOGGED)).doesNotContain(WRONG_PIN).doesNotContain(TestTokens.USER_PIN);
    }

    @Test
    void create_literalPin_isRefusedWithoutEchoingIt() {
        Throwable thrown = null;
        try {
            new HsmBackendProvider().create(context(token.settings("pin", TestTokens.USER_PIN))).close();
        } catch (BackendException.Unavailable e) {
            thrown = e;
        }
        assertThat(thrown).isNotNull().hasMessageContaining("literal PIN");
        assertThat(everyMessage(thrown)).doesNotContain(TestTokens.USER_PIN);
    }

    @Test
    void create_pinFromEnvironment_logsInAndIsHealthy() {
        LOGGED.clear();
        try (Backend b = new HsmBackendProvider().create(context(envToken.settings("pin", "env:SIGIL_TEST_HSM_PIN",
                "sessions", 2)))) {
            assertThat(b.isHealthy()).isTrue();
            assertThat(b.id()).isEqualTo("hsm");
        }
        assertThat(LOGGED).isNotEmpty();
        assertThat(String.join("\n", LOGGED)).doesNotContain(TestTokens.ENV_PIN);
    }

    @Test
    void keyMadeWithPkcs11Tool_isListedAndSigns() {
        try (Backend b = new HsmBackendProvider().create(context(external.settings()));
                CpuBackend cpu = new CpuBackend(1)) {
            List<SigningKey.Token> keys = b.tokenKeys().orElseThrow().list();
            assertThat(keys).extracting(SigningKey::keyId).containsExactly("x");
            SigningKey.Token x = keys.get(0);
            assertThat(x.scheme()).isEqualTo(Scheme.ECDSA_P256);
            assertThat("0441" + HexFormat.of().formatHex(((EcPublicKey) x.publicKey()).uncompressed()))
                    .isEqualTo(externalPoint);
            List<byte[]> digests = List.of(Hashes.sha256(new byte[] {1}), Hashes.sha256(new byte[] {2}));
            assertThat(TestTokens.cpuRejections(cpu, x, digests, b.signer().orElseThrow().sign(x, digests))).isEmpty();
        }
    }

    @Test
    void close_isIdempotent_andLaterCallsFailAsDeviceFailure() {
        Backend b = new HsmBackendProvider().create(context(token.settings("sessions", 1)));
        b.close();
        b.close();
        assertThat(b.isHealthy()).isFalse();
        SigningKey.Token any = new SigningKey.Token("k", EcPublicKey.ofPoint(Scheme.ECDSA_P256,
                dev.sigil.crypto.Curve.P256.gx(), dev.sigil.crypto.Curve.P256.gy()), "hsm");
        assertThatThrownBy(() -> b.signer().orElseThrow().sign(any, List.of(new byte[32])))
                .isInstanceOf(BackendException.DeviceFailure.class);
    }

    @Test
    void close_whileThreadsSign_endsEveryCallWithASignatureOrDeviceFailure() throws Exception {
        HsmBackend b = token.open("sessions", 2);
        SigningKey.Token key = b.tokenKeys().orElseThrow().generate("closing-" + System.nanoTime(),
                Scheme.ECDSA_P256);
        List<Throwable> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger signed = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (true) {
                    try {
                        b.sign(key, List.of(new byte[32]));
                        signed.incrementAndGet();
                    } catch (BackendException.DeviceFailure e) {
                        return;
                    } catch (Throwable e) {
                        unexpected.add(e);
                        return;
                    }
                }
            }));
        }
        while (signed.get() < 20) {
            Thread.onSpinWait();
        }
        b.close();
        for (Thread t : threads) {
            t.join(30_000);
        }
        assertThat(threads).noneMatch(Thread::isAlive);
        assertThat(unexpected).isEmpty();
    }

    private static String everyMessage(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            b.append(c).append('\n');
        }
        return b.toString();
    }
}
