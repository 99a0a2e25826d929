package dev.sigil.service.keys;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.SoftwareKeys;
import dev.sigil.crypto.spi.TokenKeys;
import dev.sigil.service.backend.BackendRegistry;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keys across stores: the software store under the data directory and the token of a backend that holds keys
 * (the HSM). Creating a key takes the id in every store at once, so ids are unique across stores.
 */
public final class KeyService {
    private final Optional<SoftwareKeyStore> software;
    private final String softwareProblem;
    private final BackendRegistry registry;

    /** The software store, or (when it failed to load) the reason, which readiness reports. */
    public KeyService(Optional<SoftwareKeyStore> software, String softwareProblem, BackendRegistry registry) {
        this.software = software;
        this.softwareProblem = softwareProblem;
        this.registry = registry;
    }

    public static void checkKeyId(String keyId) {
        if (!KeyIds.isValid(keyId)) {
            throw RequestException.invalid(KeyIds.RULE);
        }
    }

    /** Null when the software store is loaded, else why not. */
    public String softwareProblem() {
        return software.isPresent() ? null : softwareProblem;
    }

    /** The token of the backend that holds keys, if one runs. */
    public Optional<TokenKeys> tokenKeys() {
        return registry.all().stream().map(Backend::tokenKeys).flatMap(Optional::stream).findFirst();
    }

    public List<KeyView> list() {
        List<KeyView> out = new ArrayList<>();
        software.ifPresent(s -> s.list().forEach(k -> out.add(KeyView.of(k))));
        tokenKeys().ifPresent(t -> listToken(t).forEach(k -> out.add(KeyView.of(k))));
        out.sort(Comparator.comparing(KeyView::keyId).thenComparing(KeyView::store));
        return out;
    }

    public KeyView get(String keyId) {
        return KeyView.of(signingKey(keyId));
    }

    /**
     * The key to sign with; 404 {@code unknown-key} when no store holds it, 503 {@code backend-unavailable} when the
     * store that may hold it cannot say (its key file is damaged, the store or the HSM is not available).
     */
    public SigningKey signingKey(String keyId) {
        return find(keyId).orElseThrow(() -> new RequestException(ErrorCode.UNKNOWN_KEY, "no key " + keyId));
    }

    private Optional<SigningKey> find(String keyId) {
        Optional<SigningKey> soft = software.flatMap(s -> s.get(keyId));
        if (soft.isPresent()) {
            return soft;
        }
        Optional<SigningKey> token = tokenKeys().flatMap(t -> listToken(t).stream()
                .filter(k -> k.keyId().equals(keyId)).findFirst());
        if (token.isEmpty()) {
            unavailableStore(keyId).ifPresent(why -> {
                throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, why);
            });
        }
        return token;
    }

    /** Why a store that might hold the key cannot be asked, if one cannot. */
    private Optional<String> unavailableStore(String keyId) {
        if (software.isEmpty()) {
            return Optional.of("key " + keyId + " is in no available store: the software key store is not loaded");
        }
        Optional<String> damage = software.get().damage(keyId);
        if (damage.isPresent()) {
            return Optional.of("the key file of " + keyId + " could not be loaded: " + damage.get());
        }
        if (registry.failures().stream().anyMatch(f -> f.backendId().equals(BackendRegistry.HSM))) {
            return Optional.of("key " + keyId + " is in no available store: the HSM backend failed to start");
        }
        return Optional.empty();
    }

    /** The software key files that could not be loaded, by file name, with the reason. */
    public Map<String, String> damagedKeyFiles() {
        return software.map(SoftwareKeyStore::damagedFiles).orElse(Map.of());
    }

    /** Generates a key in the store; 409 when the id is taken anywhere. */
    public synchronized KeyView create(String keyId, Scheme scheme, String store) {
        checkKeyId(keyId);
        if (find(keyId).isPresent()) {
            throw new RequestException(ErrorCode.KEY_EXISTS, "key id " + keyId + " is taken");
        }
        return switch (store) {
            case KeyView.SOFTWARE -> createSoftware(keyId, scheme);
            case KeyView.HSM -> createToken(keyId, scheme);
            default -> throw RequestException.invalid("store must be software or hsm");
        };
    }

    private KeyView createSoftware(String keyId, Scheme scheme) {
        SoftwareKeyStore store = software.orElseThrow(() -> new RequestException(ErrorCode.BACKEND_UNAVAILABLE,
                "the software key store is not loaded"));
        SigningKey.Software key = SoftwareKeys.generate(keyId, scheme);
        try {
            store.put(key);
        } catch (KeyStoreFailure e) {
            throw new RequestException(ErrorCode.INTERNAL, "the key could not be stored");
        }
        return KeyView.of(key);
    }

    private KeyView createToken(String keyId, Scheme scheme) {
        TokenKeys token = tokenKeys().orElseThrow(() -> new RequestException(ErrorCode.BACKEND_NOT_OFFERED,
                "no HSM is configured"));
        if (!token.generatableSchemes().contains(scheme)) {
            throw new RequestException(ErrorCode.BACKEND_NOT_OFFERED, "the HSM cannot generate " + scheme + " keys");
        }
        try {
            return KeyView.of(token.generate(keyId, scheme));
        } catch (BackendException e) {
            throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, "the HSM could not generate the key");
        }
    }

    private static List<SigningKey.Token> listToken(TokenKeys token) {
        try {
            return token.list();
        } catch (BackendException e) {
            throw new RequestException(ErrorCode.BACKEND_UNAVAILABLE, "the HSM cannot list its keys");
        }
    }
}
