package dev.sigil.service.keys;

import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.spi.SigningKey;

/** What the API shows of a key: id, public key and the store holding it ({@code software} or {@code hsm}). */
public record KeyView(String keyId, PublicKey publicKey, String store) {
    public static final String SOFTWARE = "software";
    public static final String HSM = "hsm";

    static KeyView of(SigningKey key) {
        return new KeyView(key.keyId(), key.publicKey(), key instanceof SigningKey.Software ? SOFTWARE : HSM);
    }
}
