package dev.sigil.service.keys;

import dev.sigil.crypto.Hex;
import io.vertx.core.json.JsonObject;

/**
 * The PBKDF2-HMAC-SHA256 parameters a sealed key was made with, in the shape of an EIP-2335 keystore's
 * {@code crypto.kdf}: {@code {"function": "pbkdf2", "params": {"prf": "hmac-sha256", "c": …, "dklen": 32, "salt": …}}}.
 * Read values are bounded, so a damaged or hostile file cannot make the start hang (an iteration count of 2e9) or
 * derive a weak key: the iteration count as {@code keys.pbkdf2Iterations} allows, a salt of 16 to 64 bytes.
 */
record KdfParameters(byte[] salt, int iterations) {
    static final int MIN_ITERATIONS = 10_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int MIN_SALT = 16;
    private static final int MAX_SALT = 64;

    KdfParameters {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new KeyStoreFailure("PBKDF2 iterations " + iterations + " outside [" + MIN_ITERATIONS + ", "
                    + MAX_ITERATIONS + "]");
        }
        if (salt.length < MIN_SALT || salt.length > MAX_SALT) {
            throw new KeyStoreFailure("a PBKDF2 salt of " + salt.length + " bytes (16 to 64 expected)");
        }
        salt = salt.clone();
    }

    /** Fresh parameters: a random 16-byte salt. */
    static KdfParameters fresh(int iterations) {
        return new KdfParameters(KeyStoreCipher.randomBytes(MIN_SALT), iterations);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    KeyStoreCipher derive(char[] passphrase) {
        return KeyStoreCipher.derive(passphrase, salt, iterations);
    }

    JsonObject toJson() {
        return new JsonObject().put("function", "pbkdf2").put("params", new JsonObject().put("prf", "hmac-sha256")
                .put("c", iterations).put("dklen", 32).put("salt", Hex.encode(salt)));
    }

    /**
     * Reads {@code crypto.kdf}.
     *
     * @throws KeyStoreFailure when it is not PBKDF2-HMAC-SHA256 with a 32-byte key, or a value is out of bounds
     */
    static KdfParameters fromJson(JsonObject kdf) {
        JsonObject params = kdf.getJsonObject("params");
        if (!"pbkdf2".equals(kdf.getString("function")) || params == null
                || !"hmac-sha256".equals(params.getString("prf")) || !Integer.valueOf(32).equals(
                params.getInteger("dklen"))) {
            throw new KeyStoreFailure("the key derivation is not PBKDF2-HMAC-SHA256 with a 32-byte key");
        }
        return new KdfParameters(Hex.decode("salt", params.getString("salt")), iterations(params.getValue("c")));
    }

    /** The parameters of a version 1 {@code keystore.json}: {@code iterations} and {@code salt} at the top. */
    static KdfParameters fromVersion1(JsonObject meta) {
        return new KdfParameters(Hex.decode("salt", meta.getString("salt")), iterations(meta.getValue("iterations")));
    }

    private static int iterations(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new KeyStoreFailure("PBKDF2 iterations are not a whole number");
        }
        long c = n.longValue();
        if (c < MIN_ITERATIONS || c > MAX_ITERATIONS) {
            throw new KeyStoreFailure("PBKDF2 iterations " + c + " outside [" + MIN_ITERATIONS + ", "
                    + MAX_ITERATIONS + "]");
        }
        return (int) c;
    }
}
