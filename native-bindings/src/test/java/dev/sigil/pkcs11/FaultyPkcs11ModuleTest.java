package dev.sigil.pkcs11;

import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_PIN_INCORRECT;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_PIN_LOCKED;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKU_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.pkcs11.testing.FaultyPkcs11;
import dev.sigil.pkcs11.testing.SoftHsm;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fault-injecting module the HSM tests use: it forwards to SoftHSM2, counts, and refuses PINs on request. */
class FaultyPkcs11ModuleTest {
    private static final byte[] PIN = "faulty-user-1".getBytes(StandardCharsets.UTF_8);

    @AfterEach
    void reset() {
        FaultyPkcs11.get().reset();
    }

    @Test
    void forwardsToSoftHsm_countsLogins_andReportsThePinFlagsOfATokenThatLocksAfterThreeTries() {
        FaultyPkcs11 faulty = FaultyPkcs11.get();
        String label = SoftHsm.get().newToken("faulty", "faulty-user-1", "faulty-so-1");
        faulty.reset();
        try (Pkcs11Module m = Pkcs11Module.open(faulty.library())) {
            SlotId slot = m.findToken(label).orElseThrow();
            TokenInfo clean = m.tokenInfo(slot);
            assertThat(clean.userPinCountLow() || clean.userPinFinalTry() || clean.userPinLocked()).isFalse();
            SessionHandle s = m.openSession(slot, true);
            m.login(s, CKU_USER(), PIN);
            assertThat(m.sessionInfo(s).userLoggedIn()).isTrue();
            m.logout(s);

            faulty.refusePin(FaultyPkcs11.CKR_PIN_INCORRECT, 3);
            long[] expected = {CKR_PIN_INCORRECT(), CKR_PIN_INCORRECT(), CKR_PIN_INCORRECT(), CKR_PIN_LOCKED()};
            boolean[][] flags = {{true, false, false}, {true, true, false}, {true, false, true}, {true, false, true}};
            for (int i = 0; i < expected.length; i++) {
                long rv = expected[i];
                assertThatThrownBy(() -> m.login(s, CKU_USER(), PIN)).isInstanceOfSatisfying(Pkcs11Exception.class,
                        e -> assertThat(e.rv()).isEqualTo(rv));
                TokenInfo t = m.tokenInfo(slot);
                assertThat(new boolean[] {t.userPinCountLow(), t.userPinFinalTry(), t.userPinLocked()})
                        .as("flags after wrong PIN %d", i + 1).isEqualTo(flags[i]);
            }
            assertThat(faulty.calls(FaultyPkcs11.C_LOGIN)).isEqualTo(5);
            assertThat(m.sessionInfo(s).userLoggedIn()).isFalse();
        }
    }
}
