package dev.sigil.hsm;

import static dev.sigil.pkcs11.ReturnValue.KEY_HANDLE_INVALID;
import static dev.sigil.pkcs11.ReturnValue.OBJECT_HANDLE_INVALID;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EcSignature;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.pkcs11.Mechanism;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.ReturnValue;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.Pkcs11Objects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Signs inside the token: ECDSA over the 32-byte digest the host computed (output made low-S; for secp256k1 with
 * its recovery id, which also checks the signature), Ed25519 over the message, SM2 through the configured vendor
 * mechanism over e. Each session signs with its own in-token copy of the key when the token allows it
 * ({@link SessionKeyCopies}).
 */
final class HsmSigner {
    private static final Set<ReturnValue> HANDLE_GONE = Set.of(KEY_HANDLE_INVALID, OBJECT_HANDLE_INVALID);
    private final SessionPool pool;
    private final Pkcs11Objects objects;
    private final Mechanisms mechanisms;
    private final HsmTokenKeys keys;
    private final SessionKeyCopies copies;

    HsmSigner(SessionPool pool, Pkcs11Objects objects, Mechanisms mechanisms, HsmTokenKeys keys,
            SessionKeyCopies copies) {
        this.pool = pool;
        this.keys = keys;
        this.copies = copies;
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
            ObjectHandle tokenKey = keys.privateHandle(s, key);
            ObjectHandle handle = copies.forSigning(s, pool.generation(), key.keyId(), tokenKey);
            try {
                return signAll(s, mechanism, handle, inputs);
            } catch (Pkcs11Exception e) {
                if (handle.equals(tokenKey) || !HANDLE_GONE.contains(e.returnValue())) {
                    throw e;
                }
                copies.forget(s, key.keyId());
                return signAll(s, mechanism, tokenKey, inputs);
            }
        });
        List<RawSignature> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            out.add(finish(key, inputs.get(i), raw.get(i)));
        }
        return out;
    }

    private List<byte[]> signAll(SessionHandle s, Mechanism mechanism, ObjectHandle handle, List<byte[]> inputs) {
        List<byte[]> out = new ArrayList<>(inputs.size());
        for (byte[] in : inputs) {
            out.add(objects.sign(s, mechanism, handle, in));
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
        return RawSignature.ecdsa((EcPublicKey) key.publicKey(), input, sig).orElseThrow(() ->
                new BackendException.DeviceFailure(HsmBackend.ID,
                        "the token returned a signature that does not verify under key " + key.keyId(), null));
    }
}
