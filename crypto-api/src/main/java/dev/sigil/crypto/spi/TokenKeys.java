package dev.sigil.crypto.spi;

import dev.sigil.crypto.Scheme;
import java.util.List;
import java.util.Set;

/**
 * A backend's key management inside its token: keys are generated there and never leave it; the backend's
 * {@link Signer} signs with them. A {@link BackendException.KeyFailure} means the token refused the key operation, any
 * other {@link BackendException} that the token failed. Thread-safe.
 */
public interface TokenKeys {

    /** The schemes for which keys can be generated in the token. */
    Set<Scheme> generatableSchemes();

    /**
     * Generates a key pair in the token, labelled and identified by the key id.
     *
     * @throws BackendException.KeyFailure when the token refuses
     */
    SigningKey.Token generate(String keyId, Scheme scheme);

    /** The key pairs in the token that Sigil can use (including ones made outside Sigil with a label). */
    List<SigningKey.Token> list();
}
