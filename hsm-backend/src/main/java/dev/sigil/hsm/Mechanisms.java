package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.CKM_ECDSA;
import static dev.sigil.pkcs11.Pkcs11Constants.CKM_EC_EDWARDS_KEY_PAIR_GEN;
import static dev.sigil.pkcs11.Pkcs11Constants.CKM_EC_KEY_PAIR_GEN;
import static dev.sigil.pkcs11.Pkcs11Constants.CKM_EDDSA;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Which mechanism signs (and verifies) each scheme on this token: the configured code if
 * {@code hsm.mechanisms} names the scheme, else the PKCS #11 standard one ({@code CKM_ECDSA} over the host-computed
 * digest, {@code CKM_EDDSA} over the message). SM2 has no standard mechanism: it works only through a configured
 * vendor code, over e = SM3(Z_A ‖ M), with r ‖ s as output. A mechanism counts only if the token lists it.
 */
final class Mechanisms {
    private final Map<Scheme, Long> chosen = new EnumMap<>(Scheme.class);
    private final Map<Scheme, Boolean> configured = new EnumMap<>(Scheme.class);
    private final Set<Long> offered = new HashSet<>();

    Mechanisms(Map<Scheme, Long> configuredCodes, long[] tokenMechanisms) {
        for (long m : tokenMechanisms) {
            offered.add(m);
        }
        for (Scheme s : Scheme.values()) {
            if (s == Scheme.SCHNORR_SECP256K1) {
                continue; // no PKCS #11 mechanism signs BIP-340: keys of this scheme are software keys
            }
            Long code = configuredCodes.containsKey(s) ? configuredCodes.get(s) : standard(s);
            configured.put(s, configuredCodes.containsKey(s));
            if (code != null) {
                chosen.put(s, code);
            }
        }
    }

    private static Long standard(Scheme scheme) {
        return switch (scheme) {
            case ECDSA_P256, ECDSA_SECP256K1 -> CKM_ECDSA;
            case ED25519 -> CKM_EDDSA;
            case SM2, SCHNORR_SECP256K1 -> null;
        };
    }

    /** The mechanism for the scheme, when one is chosen and the token offers it. */
    OptionalLong forScheme(Scheme scheme) {
        Long code = chosen.get(scheme);
        return code != null && offered.contains(code) ? OptionalLong.of(code) : OptionalLong.empty();
    }

    /** The schemes that have a mechanism on this token. */
    Set<Scheme> schemes() {
        Set<Scheme> out = EnumSet.noneOf(Scheme.class);
        for (Scheme s : Scheme.values()) {
            if (forScheme(s).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * The mechanism for the scheme.
     *
     * @throws BackendException.KeyFailure saying why there is none
     */
    long require(Scheme scheme) {
        OptionalLong m = forScheme(scheme);
        if (m.isPresent()) {
            return m.getAsLong();
        }
        throw new BackendException.KeyFailure(HsmBackend.ID, unavailableReason(scheme), null);
    }

    String unavailableReason(Scheme scheme) {
        if (scheme == Scheme.SCHNORR_SECP256K1) {
            return "PKCS #11 has no BIP-340 mechanism: " + scheme + " keys are software keys";
        }
        Long code = chosen.get(scheme);
        if (code == null) {
            return "no PKCS #11 mechanism for " + scheme + ": set hsm.mechanisms." + scheme.wireName()
                    + " to the token vendor's mechanism code";
        }
        return "the token does not offer mechanism 0x" + Long.toHexString(code) + " for " + scheme
                + (configured.get(scheme) ? " (configured in hsm.mechanisms)" : " (the PKCS #11 standard mechanism)");
    }

    /** The key-pair generation mechanism for the scheme, when the token offers it (none for SM2). */
    OptionalLong keyGeneration(Scheme scheme) {
        long m = switch (scheme) {
            case ECDSA_P256, ECDSA_SECP256K1 -> CKM_EC_KEY_PAIR_GEN;
            case ED25519 -> CKM_EC_EDWARDS_KEY_PAIR_GEN;
            case SM2, SCHNORR_SECP256K1 -> -1;
        };
        return m >= 0 && offered.contains(m) && forScheme(scheme).isPresent() ? OptionalLong.of(m)
                : OptionalLong.empty();
    }
}
