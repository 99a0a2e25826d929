package dev.sigil.service.sign;

import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import java.util.Arrays;

/** Turns a backend's raw signature into the wire format asked for; ECDSA always comes out low-S. */
final class SignatureEncoder {
    private SignatureEncoder() {
    }

    /** The format to use: the one asked for, checked against the scheme, or the scheme's default. */
    static SignatureFormat formatFor(Scheme scheme, String word) {
        if (scheme == Scheme.ED25519 || scheme == Scheme.SCHNORR_SECP256K1) {
            if (word != null && !word.equals(SignatureFormat.RAW.wireName())) {
                throw RequestException.invalid(scheme + " signatures are 64 raw bytes; signatureFormat must be raw or absent");
            }
            return SignatureFormat.RAW;
        }
        if (word == null) {
            return SignatureFormat.DER;
        }
        SignatureFormat f = SignatureFormat.fromWire(word).orElseThrow(() -> RequestException.invalid(
                "signatureFormat must be der, raw or raw-recoverable"));
        if (f == SignatureFormat.RAW_RECOVERABLE && scheme != Scheme.ECDSA_SECP256K1) {
            throw RequestException.invalid("raw-recoverable is for ecdsa-secp256k1 only");
        }
        return f;
    }

    static byte[] encode(Scheme scheme, EcPublicKey ecKey, byte[] signedValue, RawSignature raw,
            SignatureFormat format) {
        if (scheme == Scheme.ED25519 || scheme == Scheme.SCHNORR_SECP256K1) {
            return raw.bytes();
        }
        RawSignature low = scheme.isEcdsa() ? raw.lowS(scheme.requireCurve()) : raw;
        EcSignature sig = EcSignature.fromRaw(low.bytes());
        int v = low.recoveryId();
        return switch (format) {
            case DER -> sig.toDer();
            case RAW -> sig.toRaw();
            case RAW_RECOVERABLE -> recoverable(ecKey, signedValue, sig, v);
        };
    }

    private static byte[] recoverable(EcPublicKey key, byte[] digest, EcSignature sig, int known) {
        int v = known >= 0 ? known : EcArithmetic.recoveryId(key, digest, sig);
        if (v < 0) {
            throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE,
                    "the signing backend returned a signature that does not verify");
        }
        byte[] out = Arrays.copyOf(sig.toRaw(), 65);
        out[64] = (byte) v;
        return out;
    }
}
