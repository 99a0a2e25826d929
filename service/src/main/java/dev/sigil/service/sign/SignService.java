package dev.sigil.service.sign;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Hashes;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.RuleSet;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.SignatureFormat;
import dev.sigil.crypto.Sm2;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.VerifyBatchBuilder;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.keys.KeyService;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.routing.Router;
import java.util.ArrayList;
import java.util.List;

/**
 * Signs with a key: computes what is signed (SHA-256, SM3(Z_A ‖ M), or the Ed25519 or BIP-340 message), has the {@link Router}
 * place the work (software keys: a CPU-class backend, never a GPU or an HSM; token keys: the backend holding the
 * token), and encodes the results. A signature made off the CPU backend is checked on the CPU under {@code low-s}
 * before it is returned.
 */
public final class SignService {
    private final KeyService keys;
    private final BackendRegistry registry;
    private final Router router;
    private final Metrics metrics;

    public SignService(KeyService keys, BackendRegistry registry, Router router, Metrics metrics) {
        this.keys = keys;
        this.registry = registry;
        this.router = router;
        this.metrics = metrics;
    }

    public SignResult sign(String keyId, String formatWord, List<SignItem> items) {
        SigningKey key = keys.signingKey(keyId);
        Scheme scheme = key.scheme();
        SignatureFormat format = SignatureEncoder.formatFor(scheme, formatWord);
        List<byte[]> inputs = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            inputs.add(signedValue(key, items.get(i), i));
        }
        Router.Signed signed = signOnRouter(key, inputs);
        List<RawSignature> raws = signed.signatures();
        if (!signed.backendId().equals(BackendRegistry.CPU)) {
            checkOnCpu(key, inputs, raws);
        }
        EcPublicKey ecKey = key.publicKey() instanceof EcPublicKey ec ? ec : null;
        List<byte[]> out = new ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            out.add(SignatureEncoder.encode(scheme, ecKey, inputs.get(i), raws.get(i), format));
        }
        metrics.signatures(scheme.wireName(), signed.backendId(), out.size());
        return new SignResult(keyId, key.publicKey(), out, signed.backendId());
    }

    private static byte[] signedValue(SigningKey key, SignItem item, int index) {
        Scheme scheme = key.scheme();
        String at = "items[" + index + "]";
        if ((item.message() == null) == (item.digest() == null)) {
            throw RequestException.invalid(at + ": exactly one of message and digest is required");
        }
        if (item.userId() != null && scheme != Scheme.SM2) {
            throw RequestException.invalid(at + ": userId is for sm2 keys only");
        }
        if (signsMessage(scheme)) {
            if (item.digest() != null) {
                throw RequestException.invalid(at + ": " + scheme + " signs a message, not a digest");
            }
            return item.message();
        }
        if (item.digest() != null) {
            if (item.digest().length != 32) {
                throw RequestException.invalid(at + ": digest must be 32 bytes");
            }
            return item.digest();
        }
        if (scheme == Scheme.SM2) {
            byte[] uid = item.userId() == null ? Sm2.DEFAULT_USER_ID : item.userId();
            if (uid.length > Sm2.MAX_USER_ID_BYTES) {
                throw RequestException.invalid(at + ": userId is longer than 8191 bytes");
            }
            return Sm2.e(uid, (EcPublicKey) key.publicKey(), item.message());
        }
        return Hashes.sha256(item.message());
    }

    /** Ed25519 and BIP-340 sign the message itself (they hash inside); ECDSA and SM2 a 32-byte digest. */
    private static boolean signsMessage(Scheme scheme) {
        return scheme == Scheme.ED25519 || scheme == Scheme.SCHNORR_SECP256K1;
    }

    /** Signs where the router decides: never on a GPU; a token key only on the backend holding it. */
    private Router.Signed signOnRouter(SigningKey key, List<byte[]> inputs) {
        if (!router.canSign(key)) {
            String why = key instanceof SigningKey.Token token ? "backend " + token.backendId()
                    + " holding the key is not running" : "no backend signs " + key.scheme() + " with software keys";
            throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, why);
        }
        try {
            return router.sign(key, inputs);
        } catch (BackendException e) {
            throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, "backend " + e.backendId()
                    + " could not sign");
        }
    }

    private void checkOnCpu(SigningKey key, List<byte[]> inputs, List<RawSignature> raws) {
        Verifier cpu = registry.get(BackendRegistry.CPU).flatMap(Backend::verifier).orElse(null);
        if (cpu == null) {
            return;
        }
        VerifyBatchBuilder b = VerifyBatch.builder(key.scheme(), RuleSet.STANDARD, inputs.size());
        byte[] pub = key.publicKey().encoded();
        for (int i = 0; i < inputs.size(); i++) {
            byte[] sig = raws.get(i).bytes();
            EncodedItem item = signsMessage(key.scheme())
                    ? EncodedItem.ofMessage(pub, inputs.get(i), sig)
                    : EncodedItem.ofDigest(pub, inputs.get(i), sig).withFormat(SignatureFormat.RAW);
            b.add(item);
        }
        for (Outcome o : cpu.verify(b.build())) {
            if (!o.isValid()) {
                metrics.backendFailure(key instanceof SigningKey.Token t ? t.backendId() : "unknown");
                throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE,
                        "the signing backend returned a signature that does not verify");
            }
        }
    }
}
