package dev.sigil.service.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under a key derived from a passphrase with PBKDF2-HMAC-SHA256. Each sealed value has its own random
 * 12-byte nonce; the associated data binds a ciphertext to the key id, scheme and public key it belongs to.
 */
final class KeyStoreCipher {
    static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    private KeyStoreCipher(SecretKey key) {
        this.key = key;
    }

    static KeyStoreCipher derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            SecretKey aes = new SecretKeySpec(raw, "AES");
            Arrays.fill(raw, (byte) 0);
            return new KeyStoreCipher(aes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from the JDK", e);
        } finally {
            spec.clearPassword();
        }
    }

    static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Returns nonce ‖ ciphertext ‖ tag. */
    byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext);
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens nonce ‖ ciphertext ‖ tag, or throws {@link GeneralSecurityException} when it was not sealed so. */
    byte[] open(byte[] sealed, String associatedData) throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + 16) {
            throw new javax.crypto.AEADBadTagException("sealed value is too short");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
        c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
        return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }
}
