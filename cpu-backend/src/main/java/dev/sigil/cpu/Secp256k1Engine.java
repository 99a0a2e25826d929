package dev.sigil.cpu;

import dev.sigil.crypto.EcPublicKey;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.XOnlyPublicKey;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.secp256k1.Secp256k1;
import java.util.Optional;

/**
 * ECDSA and BIP-340 Schnorr over secp256k1 with libsecp256k1. BIP-340 needs no adjustment: libsecp256k1's
 * {@code schnorrsig_verify} is BIP-340 itself, and crypto-api has already decided unliftable keys, r ≥ p and s ≥ n;
 * signing is {@code schnorrsig_sign_custom} with fresh auxiliary randomness. For ECDSA, where libsecp256k1's rules
 * differ from the reference: it rejects high S in verify, so signatures are normalized first (the rule set has
 * already rejected high S where it must); it reduces the digest modulo n as Bouncy Castle does; r and s are in [1, n-1] and the key is a valid point before an item is pending.
 * Signing uses libsecp256k1's RFC 6979 nonces, byte-identical to the reference (tested), and its recovery id
 * (2 and 3, R.x ≥ n, are reported as -1 like the reference). Each thread works in its own off-heap workspace;
 * decoded keys are cached, so verification allocates nothing per item.
 */
final class Secp256k1Engine implements Engine {
    private final Secp256k1 lib;
    private final BouncyCastleEngine reference;
    private final DecodedKeyCache<EcPublicKey, Optional<Secp256k1.Pubkey>> keys;
    private final DecodedKeyCache<XOnlyPublicKey, Optional<Secp256k1.XonlyPubkey>> xOnlyKeys;

    Secp256k1Engine(Secp256k1 lib, BouncyCastleEngine reference) {
        this.lib = lib;
        this.reference = reference;
        this.keys = new DecodedKeyCache<>(16_384, k -> lib.parsePublicKey(k.uncompressed()));
        this.xOnlyKeys = new DecodedKeyCache<>(16_384, k -> lib.parseXonlyPublicKey(k.encoded()));
    }

    @Override
    public String library() {
        return lib.description();
    }

    @Override
    public void verify(VerifyBatch batch, Outcome[] out, int from, int to) {
        if (batch.scheme() == Scheme.SCHNORR_SECP256K1) {
            verifySchnorr(batch, out, from, to);
            return;
        }
        if (batch.scheme() != Scheme.ECDSA_SECP256K1) {
            throw new IllegalArgumentException("libsecp256k1 serves ecdsa-secp256k1 and schnorr-secp256k1 only");
        }
        Secp256k1.Workspace w = lib.workspace();
        byte[] digests = batch.digests();
        byte[] r = batch.r();
        byte[] s = batch.s();
        for (int i = from; i < to; i++) {
            if (batch.isPending(i)) {
                Optional<Secp256k1.Pubkey> key = keys.get((EcPublicKey) batch.key(i));
                // A key crypto-api accepted always parses; should it not, the reference decides.
                boolean valid = key.isPresent()
                        ? w.verifyEcdsa(key.get(), digests, 32 * i, r, 32 * i, s, 32 * i)
                        : reference.verifyOne(batch, i);
                out[i] = Outcome.of(valid);
            }
        }
    }

    private void verifySchnorr(VerifyBatch batch, Outcome[] out, int from, int to) {
        Secp256k1.Workspace w = lib.workspace();
        byte[] r = batch.r();
        byte[] s = batch.s();
        byte[] messages = batch.messages();
        int[] offs = batch.messageOffsets();
        for (int i = from; i < to; i++) {
            if (batch.isPending(i)) {
                Optional<Secp256k1.XonlyPubkey> key = xOnlyKeys.get((XOnlyPublicKey) batch.key(i));
                // A key crypto-api lifted always parses; should it not, the reference decides.
                boolean valid = key.isPresent()
                        ? w.verifySchnorr(key.get(), r, 32 * i, s, 32 * i, messages, offs[i], offs[i + 1] - offs[i])
                        : reference.verifyOne(batch, i);
                out[i] = Outcome.of(valid);
            }
        }
    }

    @Override
    public RawSignature sign(SigningKey.Software key, byte[] secret, byte[] input) {
        if (key.scheme() == Scheme.SCHNORR_SECP256K1) {
            return signSchnorr(secret, input);
        }
        if (key.scheme() != Scheme.ECDSA_SECP256K1) {
            throw new IllegalArgumentException("libsecp256k1 serves ecdsa-secp256k1 and schnorr-secp256k1 only");
        }
        if (input.length != 32) {
            throw new IllegalArgumentException("ECDSA and SM2 sign a 32-byte digest");
        }
        byte[] sig = new byte[64];
        byte[] fixed = fixed32(secret);
        try {
            int recid = lib.workspace().signEcdsaRecoverable(fixed, input, sig);
            return new RawSignature(sig, recid <= 1 ? recid : -1);
        } finally {
            if (fixed != secret) {
                java.util.Arrays.fill(fixed, (byte) 0);
            }
        }
    }

    private RawSignature signSchnorr(byte[] secret, byte[] message) {
        byte[] sig = new byte[64];
        byte[] fixed = fixed32(secret);
        try {
            lib.workspace().signSchnorrMessage(fixed, message, CpuSigner.freshAux(), sig);
            return new RawSignature(sig, -1);
        } finally {
            if (fixed != secret) {
                java.util.Arrays.fill(fixed, (byte) 0);
            }
        }
    }

    /** The secret as exactly 32 big-endian bytes (a stored scalar may carry a sign byte or lack leading zeros). */
    private static byte[] fixed32(byte[] secret) {
        if (secret.length == 32) {
            return secret;
        }
        byte[] out = new byte[32];
        int start = 0;
        while (start < secret.length - 32 && secret[start] == 0) {
            start++;
        }
        int n = secret.length - start;
        if (n > 32) {
            throw new IllegalArgumentException("private scalar out of range");
        }
        System.arraycopy(secret, start, out, 32 - n, n);
        return out;
    }

    void close() {
        lib.close();
    }
}
