package dev.sigil.cpu;

import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.VerifyBatch;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.SigningKey;

/**
 * The curve arithmetic of the CPU backend for the schemes an engine serves. Every rule-set decision (encodings,
 * ranges, low S, key validity) was made by crypto-api before an item is pending; an engine computes the pending
 * items and, where its library's own rules differ from the Bouncy Castle reference, lets the reference decide, so
 * every engine gives the reference's outcome on every item. Thread-safe.
 */
interface Engine {

    /** The library, with its version, e.g. {@code Bouncy Castle 1.87}. */
    String library();

    /** Fills {@code out[i]} for every pending item i in [from, to) of the batch (whose scheme this engine serves). */
    void verify(VerifyBatch batch, Outcome[] out, int from, int to);

    /**
     * Signs one input with the key's revealed secret ({@code secret}, zeroed by the caller afterwards): ECDSA low-S
     * with RFC 6979 nonces and, for secp256k1, the recovery id; the bytes are those of the reference. BIP-340 signs
     * the message with fresh auxiliary randomness, so its bytes differ on each call (each verifies under the key).
     */
    RawSignature sign(SigningKey.Software key, byte[] secret, byte[] input);
}
