package dev.sigil.hsm;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.pkcs11.Mechanism;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Objects;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs inside the token: ECDSA over the 32-byte digest the host computed (output made low-S; for secp256k1 with
 * its recovery id, which also checks the signature), Ed25519 over the message, SM2 through the configured vendor
 * mechanism over e.
 */
final class HsmSigner {
    private final SessionPool pool;
    private final Pkcs11Objects objects;
    private final Mechanisms mechanisms;
    private final HsmTokenKeys keys;

    HsmSigner(SessionPool pool, Pkcs11Objects objects, Mechanisms mechanisms, HsmTokenKeys keys) {
        this.pool = pool;
        this.keys = keys;
        this.objects = objects;
        this.mechanisms = mechanisms;
    }

    List<RawSignature> sign(KeyEntry key, List<byte[]> inputs) {
        Scheme scheme = key.publicKey().scheme();
        if (scheme.isWeierstrass()) {
            for (byte[] in : inputs) {
                if (in.length != Curve.BYTES) {
                    throw new IllegalArgumentException(scheme + " signs a 32-byte digest, got " + in.length + " bytes");
                }
            }
        }
        Mechanism mechanism = Mechanism.of(mechanisms.require(scheme));
        List<byte[]> raw = pool.call("sign with " + key.keyId(), s -> {
            List<byte[]> out = new ArrayList<>(inputs.size());
            ObjectHandle handle = keys.privateHandle(s, key);
            for (byte[] in : inputs) {
                out.add(objects.sign(s, mechanism, handle, in));
            }
            return out;
        });
        List<RawSignature> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(finish(key, inputs.get(i), raw.get(i)));
        }
        return out;
    }

    private static RawSignature finish(KeyEntry key, byte[] input, byte[] raw) {
        Scheme scheme = key.publicKey().scheme();
        if (raw.length != 64) {
            throw new BackendException.DeviceFailure(HsmBackend.ID, "the token returned a " + raw.length
                    + "-byte " + scheme + " signature, expected 64", null);
        }
        if (!scheme.isEcdsa()) {
            return new RawSignature(raw, -1);
        }
        Curve curve = scheme.requireCurve();
        EcSignature sig = EcSignature.fromRaw(raw);
        if (!sig.inRange(curve)) {
            throw new BackendException.DeviceFailure(HsmBackend.ID, "the token returned r or s out of range", null);
        }
        EcSignature low = sig.normalizedLowS(curve);
        if (scheme != Scheme.ECDSA_SECP256K1) {
            return new RawSignature(low.toRaw(), -1);
        }
        int v = RecoveryId.of((EcPublicKey) key.publicKey(), input, low.r(), low.s());
        if (v == RecoveryId.NOT_VALID) {
            throw new BackendException.DeviceFailure(HsmBackend.ID,
                    "the token returned a signature that does not verify under key " + key.keyId(), null);
        }
        return new RawSignature(low.toRaw(), v);
    }
}
