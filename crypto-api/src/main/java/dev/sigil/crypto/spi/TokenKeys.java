package dev.sigil.crypto.spi;

import dev.sigil.crypto.Scheme;
import java.util.List;

/** Key management inside a backend's token: keys are generated there and never leave it. */
public interface TokenKeys {

    /** The schemes for which keys can be generated in the token. */
    java.util.Set<Scheme> generatableSchemes();

    /**
     * Generates a key pair in the token, labelled and identified by the key id.
     *
     * @throws BackendException.KeyFailure when the token refuses
     */
    SigningKey.Token generate(String keyId, Scheme scheme);

    /** The key pairs in the token that Sigil can use (including ones made outside Sigil with a label). */
    List<SigningKey.Token> list();
}
