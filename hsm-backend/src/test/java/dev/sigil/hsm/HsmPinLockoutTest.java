package dev.sigil.hsm;

import static dev.sigil.pkcs11.testing.FaultyPkcs11.CKF_USER_PIN_COUNT_LOW;
import static dev.sigil.pkcs11.testing.FaultyPkcs11.CKF_USER_PIN_FINAL_TRY;
import static dev.sigil.pkcs11.testing.FaultyPkcs11.CKF_USER_PIN_LOCKED;
import static dev.sigil.pkcs11.testing.FaultyPkcs11.CKR_PIN_EXPIRED;
import static dev.sigil.pkcs11.testing.FaultyPkcs11.CKR_PIN_INCORRECT;
import static dev.sigil.pkcs11.testing.FaultyPkcs11.C_LOGIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.TokenInfo;
import dev.sigil.pkcs11.testing.FaultyPkcs11;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A token that counts wrong PINs, simulated by a PKCS #11 module over SoftHSM2 that injects {@code C_Login} answers
 * and PIN flags and counts every {@code C_Login} call: Sigil offers a refused PIN once and never again by itself,
 * does not log in when the flags say the next failure could lock the PIN, and its health checks never log in.
 */
class HsmPinLockoutTest {
    private static final int ROUNDS = 30;

    private FaultyPkcs11 faulty;
    private TestTokens.Token token;
    private HsmBackend hsm;

    @BeforeEach
    void start() {
        faulty = FaultyPkcs11.get();
        faulty.reset();
        token = TestTokens.create("lockout");
    }

    @AfterEach
    void stop() {
        if (hsm != null) {
            hsm.close();
        }
        faulty.reset();
    }

    private HsmBackend open() {
        return HsmBackend.open(HsmConfig.parse(token.settings("module", faulty.library().toString(), "sessions", 2)));
    }

    /** Closes every session of the token behind the backend's back (the token lost the login). */
    private void loseTheSessions() {
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            hsm.whileIdle(() -> other.closeAllSessions(other.findToken(token.label()).orElseThrow()));
        }
    }

    /** Logs the application out of the token behind the backend's back (sessions stay open, the login is gone). */
    private void loseTheLogin() {
        try (Pkcs11Module other = Pkcs11Module.open(SoftHsm.get().library())) {
            SessionHandle s = other.openSession(other.findToken(token.label()).orElseThrow(), false);
            other.logout(s);
            other.closeSession(s);
        }
    }

    /** What a busy service does to a backend: sign requests, prober ticks and readiness checks, many times. */
    private List<String> useIt(SigningKey.Token key) {
        List<String> signed = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            hsm.isHealthy();
            hsm.healthProblem();
            try {
                hsm.sign(key, List.of(new byte[32]));
                signed.add("round " + i);
            } catch (BackendException e) {
                assertThat(e).isInstanceOf(BackendException.Unavailable.class);
            }
            hsm.isHealthy();
        }
        return signed;
    }

    private TokenInfo tokenInfo() {
        try (Pkcs11Module m = Pkcs11Module.open(faulty.library())) {
            return m.tokenInfo(m.findToken(token.label()).orElseThrow());
        }
    }

    @Test
    void sessionLost_pinRefused_loginIsOfferedOnceAcrossSignsProbesAndReadinessChecks() {
        hsm = open();
        SigningKey.Token key = hsm.tokenKeys().orElseThrow().generate("lockout-p256", Scheme.ECDSA_P256);
        faulty.reset();
        faulty.refusePin(CKR_PIN_INCORRECT, 3);
        loseTheSessions();

        List<String> signed = useIt(key);

        assertThat(signed).isEmpty();
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
        TokenInfo after = tokenInfo();
        assertThat(after.userPinLocked() || after.userPinFinalTry()).isFalse();
        assertThat(hsm.isHealthy()).isFalse();
        assertThat(hsm.healthProblem()).hasValueSatisfying(p -> assertThat(p).contains("CKR_PIN_INCORRECT")
                .contains(token.pinFile().toString()).contains("restart").doesNotContain(TestTokens.USER_PIN));
        assertThatThrownBy(() -> hsm.sign(key, List.of(new byte[32])))
                .isInstanceOf(BackendException.Unavailable.class).hasMessageContaining("CKR_PIN_INCORRECT");
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
    }

    @Test
    void sessionLost_pinExpired_isNotRetriedEither() {
        hsm = open();
        SigningKey.Token key = hsm.tokenKeys().orElseThrow().generate("expired-p256", Scheme.ECDSA_P256);
        faulty.reset();
        faulty.refusePin(CKR_PIN_EXPIRED, 0);
        loseTheSessions();

        assertThat(useIt(key)).isEmpty();

        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
        assertThat(hsm.healthProblem()).hasValueSatisfying(p -> assertThat(p).contains("CKR_PIN_EXPIRED"));
    }

    @Test
    void refusedPin_operatorRelogin_offersThePinOnceMore_andSigningWorksAgain() {
        hsm = open();
        SigningKey.Token key = hsm.tokenKeys().orElseThrow().generate("relogin-p256", Scheme.ECDSA_P256);
        faulty.reset();
        faulty.refusePin(CKR_PIN_INCORRECT, 5);
        loseTheSessions();
        assertThat(useIt(key)).isEmpty();
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);

        faulty.refusePin(0, 0);
        hsm.relogin();

        assertThat(faulty.calls(C_LOGIN)).isEqualTo(2);
        assertThat(hsm.isHealthy()).isTrue();
        assertThat(hsm.healthProblem()).isEmpty();
        assertThat(hsm.sign(key, List.of(new byte[32]))).hasSize(1);
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(2);
    }

    @Test
    void sessionLost_healthChecksNeverLogIn_theNextSignLogsInOnce() {
        hsm = open();
        SigningKey.Token key = hsm.tokenKeys().orElseThrow().generate("health-p256", Scheme.ECDSA_P256);
        faulty.reset();
        loseTheSessions();
        for (int i = 0; i < ROUNDS; i++) {
            assertThat(hsm.isHealthy()).isTrue();
            assertThat(hsm.healthProblem()).isEmpty();
        }
        assertThat(faulty.calls(C_LOGIN)).isZero();

        assertThat(hsm.sign(key, List.of(new byte[32]))).hasSize(1);
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
    }

    @Test
    void loginLost_listingTheKeys_logsInOnceAndStillListsThem() {
        hsm = open();
        SigningKey.Token key = hsm.tokenKeys().orElseThrow().generate("listed-p256", Scheme.ECDSA_P256);
        faulty.reset();
        loseTheLogin();

        assertThat(hsm.tokenKeys().orElseThrow().list()).containsExactly(key);
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
    }

    @Test
    void loginLost_pinRefused_listingTheKeysFails_neverAnswersAnEmptyToken() {
        hsm = open();
        hsm.tokenKeys().orElseThrow().generate("unlisted-p256", Scheme.ECDSA_P256);
        faulty.reset();
        faulty.refusePin(CKR_PIN_INCORRECT, 3);
        loseTheLogin();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> hsm.tokenKeys().orElseThrow().list())
                    .isInstanceOf(BackendException.Unavailable.class).hasMessageContaining("CKR_PIN_INCORRECT");
        }
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
    }

    @Test
    void start_pinFinalTryOrLocked_noLoginAttempted() {
        List<String> problems = new ArrayList<>();
        for (long flag : new long[] {CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED}) {
            faulty.reset();
            faulty.tokenFlags(flag);
            String name = flag == CKF_USER_PIN_LOCKED ? "CKF_USER_PIN_LOCKED" : "CKF_USER_PIN_FINAL_TRY";
            try {
                open().close();
                problems.add(name + ": the backend started");
            } catch (BackendException.Unavailable e) {
                if (!e.getMessage().contains(name)) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
            if (faulty.calls(C_LOGIN) != 0) {
                problems.add(name + ": " + faulty.calls(C_LOGIN) + " C_Login calls");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void start_pinCountLow_logsInOnce() {
        faulty.tokenFlags(CKF_USER_PIN_COUNT_LOW);
        hsm = open();
        assertThat(faulty.calls(C_LOGIN)).isEqualTo(1);
        assertThat(hsm.isHealthy()).isTrue();
    }

    @Test
    void sessionLost_pinFlagsWarn_noAutomaticLogin_untilTheOperatorAsks() {
        hsm = open();
        SigningKey.Token key = hsm.tokenKeys().orElseThrow().generate("flags-p256", Scheme.ECDSA_P256);
        List<String> problems = new ArrayList<>();
        String[] names = {"CKF_USER_PIN_COUNT_LOW", "CKF_USER_PIN_FINAL_TRY", "CKF_USER_PIN_LOCKED"};
        long[] flags = {CKF_USER_PIN_COUNT_LOW, CKF_USER_PIN_FINAL_TRY, CKF_USER_PIN_LOCKED};
        for (int i = 0; i < flags.length; i++) {
            faulty.reset();
            faulty.tokenFlags(flags[i]);
            loseTheSessions();
            if (!useIt(key).isEmpty()) {
                problems.add(names[i] + ": signed after the sessions were lost");
            }
            if (faulty.calls(C_LOGIN) != 0) {
                problems.add(names[i] + ": " + faulty.calls(C_LOGIN) + " C_Login calls");
            }
            String name = names[i];
            if (!hsm.healthProblem().map(p -> p.contains(name)).orElse(false)) {
                problems.add(names[i] + ": health problem " + hsm.healthProblem());
            }
            boolean lockedOrFinal = flags[i] != CKF_USER_PIN_COUNT_LOW;
            try {
                hsm.relogin();
                if (lockedOrFinal) {
                    problems.add(names[i] + ": the operator's re-login went ahead");
                }
            } catch (BackendException.Unavailable e) {
                if (!lockedOrFinal) {
                    problems.add(names[i] + ": the operator's re-login was refused: " + e.getMessage());
                }
            }
            long expected = lockedOrFinal ? 0 : 1;
            if (faulty.calls(C_LOGIN) != expected) {
                problems.add(names[i] + ": " + faulty.calls(C_LOGIN) + " C_Login calls after the re-login");
            }
            faulty.tokenFlags(0);
            hsm.relogin();
        }
        assertThat(problems).isEmpty();
        assertThat(hsm.sign(key, List.of(new byte[32]))).hasSize(1);
    }
}
