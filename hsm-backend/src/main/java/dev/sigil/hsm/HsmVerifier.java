package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.*;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.pkcs11.Attribute;
import dev.sigil.pkcs11.Mechanism;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.Pkcs11Objects;
import dev.sigil.pkcs11.SessionHandle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the pending items of a batch with {@code C_Verify}: each distinct public key of the batch becomes a
 * session object (not a token object) for the duration of the batch. ECDSA and SM2 verify (r ‖ s) over the digest
 * column, Ed25519 (R ‖ S) over the message. Everything decided without curve arithmetic was preset by the batch.
 */
final class HsmVerifier implements Verifier {
    private final SessionPool pool;
    private final Pkcs11Objects objects;
    private final Mechanisms mechanisms;
    private final Runnable ensureOpen;

    HsmVerifier(SessionPool pool, Pkcs11Objects objects, Mechanisms mechanisms, Runnable ensureOpen) {
        this.pool = pool;
        this.objects = objects;
        this.mechanisms = mechanisms;
        this.ensureOpen = ensureOpen;
    }

    /** The schemes the token has a mechanism for. */
    @Override
    public Set<Scheme> verifiableSchemes() {
        return mechanisms.schemes();
    }

    @Override
    public Outcome[] verify(VerifyBatch batch) {
        if (!verifiableSchemes().contains(batch.scheme())) {
            throw new IllegalArgumentException("the HSM backend does not verify " + batch.scheme());
        }
        ensureOpen.run();
        Mechanism mechanism = Mechanism.of(mechanisms.require(batch.scheme()));
        return pool.call("verify " + batch.size() + " " + batch.scheme() + " items", s -> {
            Outcome[] out = batch.newOutcomes();
            Map<PublicKey, ObjectHandle> made = new HashMap<>();
            try {
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.isPending(i)) {
                        ObjectHandle key = made.computeIfAbsent(batch.key(i), k -> importKey(s, k));
                        out[i] = Outcome.of(objects.verify(s, mechanism, key, data(batch, i), signature(batch, i)));
                    }
                }
            } finally {
                destroy(s, made);
            }
            return out;
        });
    }

    private static byte[] data(VerifyBatch batch, int i) {
        return batch.scheme() == Scheme.ED25519 ? batch.message(i) : VerifyBatch.slot(batch.digests(), i);
    }

    private static byte[] signature(VerifyBatch batch, int i) {
        byte[] sig = new byte[64];
        System.arraycopy(batch.r(), 32 * i, sig, 0, 32);
        System.arraycopy(batch.s(), 32 * i, sig, 32, 32);
        return sig;
    }

    private ObjectHandle importKey(SessionHandle s, PublicKey key) {
        boolean ed = key.scheme() == Scheme.ED25519;
        return objects.create(s, List.of(Attribute.of(CKA_CLASS, CKO_PUBLIC_KEY),
                Attribute.of(CKA_KEY_TYPE, ed ? CKK_EC_EDWARDS : CKK_EC), Attribute.of(CKA_TOKEN, false),
                Attribute.of(CKA_VERIFY, true), Attribute.of(CKA_EC_PARAMS, EcEncoding.ecParams(key.scheme())),
                Attribute.of(CKA_EC_POINT, EcEncoding.ecPoint(key))));
    }

    private void destroy(SessionHandle s, Map<PublicKey, ObjectHandle> made) {
        for (ObjectHandle h : made.values()) {
            try {
                objects.destroy(s, h);
            } catch (Pkcs11Exception e) {
                System.getLogger(HsmVerifier.class.getName()).log(System.Logger.Level.DEBUG,
                        "destroying a session key: {0}", e.name());
            }
        }
    }
}
