package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.*;

import dev.sigil.crypto.MalformedInputException;
import dev.sigil.crypto.PublicKey;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.TokenKeys;
import dev.sigil.pkcs11.Attribute;
import dev.sigil.pkcs11.KeyPairHandles;
import dev.sigil.pkcs11.Mechanism;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.Pkcs11Objects;
import dev.sigil.pkcs11.ReturnValue;
import dev.sigil.pkcs11.SessionHandle;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key pairs of the token. A key's id is its {@code CKA_LABEL} (keys Sigil makes also carry it as
 * {@code CKA_ID}); key pairs made outside Sigil are used when their label is a valid key id and their curve is one
 * of Sigil's. Private keys are made sensitive, non-extractable token objects and never leave the token.
 */
final class HsmTokenKeys implements TokenKeys {
    private static final System.Logger LOG = System.getLogger(HsmTokenKeys.class.getName());
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<ReturnValue> ED25519_PARAMS_REFUSED = Set.of(ReturnValue.CURVE_NOT_SUPPORTED,
            ReturnValue.DOMAIN_PARAMS_INVALID, ReturnValue.ATTRIBUTE_VALUE_INVALID, ReturnValue.TEMPLATE_INCONSISTENT);

    private final SessionPool pool;
    private final Pkcs11Objects objects;
    private final Mechanisms mechanisms;
    /** Serialises key generation (so two requests cannot both make one id). */
    private final Object generating = new Object();
    /** Guards the copy-on-write updates of {@link #keys}; never held while waiting for the token. */
    private final Object updating = new Object();
    private volatile Map<String, KeyEntry> keys = Map.of();

    HsmTokenKeys(SessionPool pool, Pkcs11Objects objects, Mechanisms mechanisms) {
        this.pool = pool;
        this.objects = objects;
        this.mechanisms = mechanisms;
    }

    @Override
    public Set<Scheme> generatableSchemes() {
        Set<Scheme> out = EnumSet.noneOf(Scheme.class);
        for (Scheme s : Scheme.values()) {
            if (mechanisms.keyGeneration(s).isPresent()) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public SigningKey.Token generate(String keyId, Scheme scheme) {
        synchronized (generating) {
            return generateKey(keyId, scheme);
        }
    }

    private SigningKey.Token generateKey(String keyId, Scheme scheme) {
        if (!KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id matches [A-Za-z0-9._-]{1,64}");
        }
        long mechanism = mechanisms.keyGeneration(scheme).orElseThrow(() -> new BackendException.KeyFailure(
                HsmBackend.ID, "the token cannot generate " + scheme + " keys", null));
        KeyEntry entry = pool.call("generate " + scheme + " key " + keyId, s -> {
            if (!objects.find(s, List.of(Attribute.of(CKA_LABEL, keyId))).isEmpty()) {
                throw new BackendException.KeyFailure(HsmBackend.ID, "the token already holds a key " + keyId, null);
            }
            KeyPairHandles pair = generatePair(s, mechanism, keyId, scheme);
            byte[] point = objects.attributes(s, pair.publicKey(), CKA_EC_POINT).get(CKA_EC_POINT);
            return new KeyEntry(keyId, EcEncoding.publicKey(scheme, point), pair.privateKey(), pool.generation());
        });
        update(entry);
        LOG.log(Level.INFO, "generated {0} key {1} in the token", scheme, keyId);
        return entry.token();
    }

    private KeyPairHandles generatePair(SessionHandle s, long mechanism, String keyId, Scheme scheme) {
        try {
            return objects.generateKeyPair(s, Mechanism.of(mechanism), publicTemplate(keyId,
                    EcEncoding.ecParams(scheme)), privateTemplate(keyId));
        } catch (Pkcs11Exception e) {
            if (scheme != Scheme.ED25519 || !ED25519_PARAMS_REFUSED.contains(e.returnValue())) {
                throw e;
            }
            LOG.log(Level.DEBUG, "the token refuses the curve name edwards25519 ({0}); trying OID 1.3.101.112",
                    e.name());
            return objects.generateKeyPair(s, Mechanism.of(mechanism), publicTemplate(keyId,
                    EcEncoding.ED25519_OID), privateTemplate(keyId));
        }
    }

    private static List<Attribute> publicTemplate(String keyId, byte[] ecParams) {
        return List.of(Attribute.of(CKA_TOKEN, true), Attribute.of(CKA_PRIVATE, false),
                Attribute.of(CKA_VERIFY, true), Attribute.of(CKA_EC_PARAMS, ecParams),
                Attribute.of(CKA_LABEL, keyId), Attribute.of(CKA_ID, keyId.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Attribute> privateTemplate(String keyId) {
        return List.of(Attribute.of(CKA_TOKEN, true), Attribute.of(CKA_PRIVATE, true),
                Attribute.of(CKA_SENSITIVE, true), Attribute.of(CKA_EXTRACTABLE, false),
                Attribute.of(CKA_SIGN, true), Attribute.of(CKA_LABEL, keyId),
                Attribute.of(CKA_ID, keyId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads the token's key pairs again (keys made outside Sigil appear here). */
    @Override
    public List<SigningKey.Token> list() {
        refresh();
        return keys.values().stream().sorted(Comparator.comparing(KeyEntry::keyId)).map(KeyEntry::token).toList();
    }

    /**
     * The entry of a token key, re-reading the token once when it is not known yet.
     *
     * @throws BackendException.KeyFailure when the token holds no such key pair, or one with another public key
     */
    KeyEntry resolve(SigningKey.Token key) {
        KeyEntry entry = keys.get(key.keyId());
        if (entry == null) {
            refresh();
            entry = keys.get(key.keyId());
        }
        if (entry == null) {
            throw new BackendException.KeyFailure(HsmBackend.ID, "the token holds no key " + key.keyId(), null);
        }
        if (!entry.publicKey().equals(key.publicKey())) {
            throw new BackendException.KeyFailure(HsmBackend.ID, "the token's key " + key.keyId()
                    + " has another public key than the one given", null);
        }
        return entry;
    }

    /**
     * The private key handle of the entry, valid on the calling session: when the sessions were re-opened since the
     * handle was found, the key is looked up again by its label on {@code session}.
     */
    ObjectHandle privateHandle(SessionHandle session, KeyEntry entry) {
        long generation = pool.generation();
        KeyEntry known = keys.getOrDefault(entry.keyId(), entry);
        if (known.generation() == generation) {
            return known.privateKey();
        }
        List<ObjectHandle> found = objects.find(session, List.of(Attribute.of(CKA_CLASS, CKO_PRIVATE_KEY),
                Attribute.of(CKA_TOKEN, true), Attribute.of(CKA_LABEL, entry.keyId())));
        if (found.isEmpty()) {
            throw new BackendException.KeyFailure(HsmBackend.ID, "the token no longer holds key " + entry.keyId(),
                    null);
        }
        update(known.withHandle(found.get(0), generation));
        return found.get(0);
    }

    private void update(KeyEntry entry) {
        synchronized (updating) {
            Map<String, KeyEntry> next = new LinkedHashMap<>(keys);
            next.put(entry.keyId(), entry);
            keys = Map.copyOf(next);
        }
    }

    /** How many usable key pairs the token held at the last listing. */
    int count() {
        return keys.size();
    }

    void refresh() {
        Map<String, KeyEntry> found = pool.callLoggedIn("list the token's keys", this::scan);
        synchronized (updating) {
            keys = Map.copyOf(found);
        }
    }

    private Map<String, KeyEntry> scan(SessionHandle s) {
        Map<String, KeyEntry> found = new LinkedHashMap<>();
        List<Attribute> tokenPrivateKeys = List.of(Attribute.of(CKA_CLASS, CKO_PRIVATE_KEY),
                Attribute.of(CKA_TOKEN, true));
        for (ObjectHandle priv : objects.find(s, tokenPrivateKeys)) {
            entryOf(s, priv).ifPresent(e -> {
                if (found.putIfAbsent(e.keyId(), e) != null) {
                    LOG.log(Level.WARNING, "the token holds several keys labelled {0}; using the first", e.keyId());
                }
            });
        }
        return found;
    }

    /** The public half: same CKA_ID and label, else same CKA_ID, else (no id) same label. */
    private Optional<ObjectHandle> publicKeyOf(SessionHandle s, long keyType, String label, byte[] id) {
        List<Attribute> base = List.of(Attribute.of(CKA_CLASS, CKO_PUBLIC_KEY),
                Attribute.of(CKA_KEY_TYPE, keyType));
        List<List<Attribute>> templates = new ArrayList<>();
        if (id.length > 0) {
            templates.add(with(base, Attribute.of(CKA_ID, id), Attribute.of(CKA_LABEL, label)));
            templates.add(with(base, Attribute.of(CKA_ID, id)));
        } else {
            templates.add(with(base, Attribute.of(CKA_LABEL, label)));
        }
        for (List<Attribute> t : templates) {
            List<ObjectHandle> found = objects.find(s, t);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    private static List<Attribute> with(List<Attribute> base, Attribute... more) {
        List<Attribute> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return out;
    }

    private Optional<KeyEntry> entryOf(SessionHandle s, ObjectHandle priv) {
        Map<Long, byte[]> a = objects.attributes(s, priv, CKA_LABEL, CKA_ID, CKA_KEY_TYPE, CKA_EC_PARAMS);
        String label = a.containsKey(CKA_LABEL) ? new String(a.get(CKA_LABEL), StandardCharsets.UTF_8) : "";
        byte[] type = a.get(CKA_KEY_TYPE);
        if (!KEY_ID.matcher(label).matches() || type == null) {
            return Optional.empty();
        }
        long keyType = Attribute.asLong(type);
        if (keyType != CKK_EC && keyType != CKK_EC_EDWARDS) {
            return Optional.empty();
        }
        Optional<ObjectHandle> pub = publicKeyOf(s, keyType, label, a.getOrDefault(CKA_ID, new byte[0]));
        if (pub.isEmpty()) {
            LOG.log(Level.WARNING, "key {0} has no public key object in the token; skipped", label);
            return Optional.empty();
        }
        Map<Long, byte[]> p = objects.attributes(s, pub.get(), CKA_EC_PARAMS, CKA_EC_POINT);
        byte[] params = p.getOrDefault(CKA_EC_PARAMS, a.get(CKA_EC_PARAMS));
        Optional<Scheme> scheme = params == null ? Optional.empty()
                : EcEncoding.schemeOf(params, keyType == CKK_EC_EDWARDS);
        if (scheme.isEmpty() || !p.containsKey(CKA_EC_POINT)) {
            LOG.log(Level.DEBUG, "key {0} is on a curve Sigil does not use; skipped", label);
            return Optional.empty();
        }
        try {
            PublicKey key = EcEncoding.publicKey(scheme.get(), p.get(CKA_EC_POINT));
            return Optional.of(new KeyEntry(label, key, priv, pool.generation()));
        } catch (MalformedInputException e) {
            LOG.log(Level.WARNING, "key {0} has an unreadable CKA_EC_POINT ({1}); skipped", label, e.getMessage());
            return Optional.empty();
        }
    }
}
