package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.CKM_ECDSA;
import static dev.sigil.pkcs11.Pkcs11Constants.CKM_EC_EDWARDS_KEY_PAIR_GEN;
import static dev.sigil.pkcs11.Pkcs11Constants.CKM_EC_KEY_PAIR_GEN;
import static dev.sigil.pkcs11.Pkcs11Constants.CKM_EDDSA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MechanismsTest {
    private static final long VENDOR_SM2 = 0x80000000L + 0x4E;
    /** What SoftHSM2 2.6 offers of the mechanisms that matter here. */
    private static final long[] SOFTHSM = {CKM_ECDSA, CKM_EC_KEY_PAIR_GEN, CKM_EDDSA,
        CKM_EC_EDWARDS_KEY_PAIR_GEN};

    @Test
    void standardMechanisms_areChosenForEcdsaAndEd25519() {
        Mechanisms m = new Mechanisms(Map.of(), SOFTHSM);
        assertThat(m.forScheme(Scheme.ECDSA_P256)).hasValue(CKM_ECDSA);
        assertThat(m.forScheme(Scheme.ECDSA_SECP256K1)).hasValue(CKM_ECDSA);
        assertThat(m.forScheme(Scheme.ED25519)).hasValue(CKM_EDDSA);
        assertThat(m.keyGeneration(Scheme.ED25519)).hasValue(CKM_EC_EDWARDS_KEY_PAIR_GEN);
    }

    @Test
    void schnorr_hasNoMechanism_evenWhenAConfiguredCodeIsOffered() {
        Mechanisms m = new Mechanisms(Map.of(Scheme.SCHNORR_SECP256K1, VENDOR_SM2), new long[] {CKM_ECDSA,
            CKM_EC_KEY_PAIR_GEN, VENDOR_SM2});
        assertThat(m.forScheme(Scheme.SCHNORR_SECP256K1)).isEmpty();
        assertThat(m.keyGeneration(Scheme.SCHNORR_SECP256K1)).isEmpty();
        assertThat(m.schemes()).doesNotContain(Scheme.SCHNORR_SECP256K1);
        assertThatThrownBy(() -> m.require(Scheme.SCHNORR_SECP256K1)).isInstanceOf(BackendException.KeyFailure.class)
                .hasMessageContaining("BIP-340");
    }

    @Test
    void sm2_unconfigured_failsNamingTheSetting() {
        Mechanisms m = new Mechanisms(Map.of(), SOFTHSM);
        assertThat(m.forScheme(Scheme.SM2)).isEmpty();
        assertThatThrownBy(() -> m.require(Scheme.SM2)).isInstanceOf(BackendException.KeyFailure.class)
                .hasMessageContaining("hsm.mechanisms.sm2");
    }

    @Test
    void sm2_configuredButNotOffered_failsNamingTheCode() {
        Mechanisms m = new Mechanisms(Map.of(Scheme.SM2, VENDOR_SM2), SOFTHSM);
        assertThat(m.forScheme(Scheme.SM2)).isEmpty();
        assertThatThrownBy(() -> m.require(Scheme.SM2)).isInstanceOf(BackendException.KeyFailure.class)
                .hasMessageContaining("0x8000004e").hasMessageContaining("configured");
    }

    @Test
    void sm2_configuredAndOffered_usesTheVendorCode() {
        long[] vendorToken = {CKM_ECDSA, VENDOR_SM2};
        Mechanisms m = new Mechanisms(Map.of(Scheme.SM2, VENDOR_SM2), vendorToken);
        assertThat(m.require(Scheme.SM2)).isEqualTo(VENDOR_SM2);
        assertThat(m.keyGeneration(Scheme.SM2)).isEmpty();
    }

    @Test
    void configuredCode_overridesTheStandardOne() {
        long vendorEcdsa = 0x80001041L;
        Mechanisms m = new Mechanisms(Map.of(Scheme.ECDSA_P256, vendorEcdsa), new long[] {CKM_ECDSA, vendorEcdsa});
        assertThat(m.require(Scheme.ECDSA_P256)).isEqualTo(vendorEcdsa);
        assertThat(m.require(Scheme.ECDSA_SECP256K1)).isEqualTo(CKM_ECDSA);
    }

    @Test
    void tokenWithoutEddsa_cannotSignOrGenerateEd25519() {
        Mechanisms m = new Mechanisms(Map.of(), new long[] {CKM_ECDSA, CKM_EC_KEY_PAIR_GEN});
        assertThat(m.forScheme(Scheme.ED25519)).isEmpty();
        assertThat(m.keyGeneration(Scheme.ED25519)).isEmpty();
        assertThat(m.unavailableReason(Scheme.ED25519)).contains("0x1057").contains("standard");
    }
}
