package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.CKA_TOKEN;

import dev.sigil.pkcs11.Attribute;
import dev.sigil.pkcs11.ObjectHandle;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.Pkcs11Objects;
import dev.sigil.pkcs11.SessionHandle;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-session copies of token private keys, made inside the token with {@code C_CopyObject} and
 * {@code CKA_TOKEN = false}. Some modules serialise every use of a token object (SoftHSM2 reads and locks its
 * object file on each use) while session objects live in memory, so signing with a session's own copy lets the
 * pool's sessions sign in parallel. A copy stays sensitive and non-extractable (PKCS #11 forbids relaxing either
 * on copy) and disappears with its session; copies belong to one session generation of the pool. A key the token
 * refuses to copy is used through its token object. At most {@link #MAX_PER_SESSION} keys are copied per session.
 */
final class SessionKeyCopies {
    static final int MAX_PER_SESSION = 64;
    private static final System.Logger LOG = System.getLogger(SessionKeyCopies.class.getName());

    private final Pkcs11Objects objects;
    private final boolean enabled;
    private final Map<Long, PerSession> bySession = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    /** The copies of one session; used only by the thread holding that session. */
    private record PerSession(long generation, Map<String, ObjectHandle> copies) {
    }

    SessionKeyCopies(Pkcs11Objects objects, boolean enabled) {
        this.objects = objects;
        this.enabled = enabled;
    }

    /** The handle to sign with on this session: its copy of the key, made on first use, or the token object. */
    ObjectHandle forSigning(SessionHandle session, long generation, String keyId, ObjectHandle tokenKey) {
        if (!enabled || refused.contains(keyId)) {
            return tokenKey;
        }
        PerSession mine = bySession.compute(session.value(), (k, v) -> v == null || v.generation() != generation
                ? new PerSession(generation, new HashMap<>()) : v);
        ObjectHandle copy = mine.copies().get(keyId);
        if (copy != null || mine.copies().size() >= MAX_PER_SESSION) {
            return copy != null ? copy : tokenKey;
        }
        try {
            copy = objects.copy(session, tokenKey, List.of(Attribute.of(CKA_TOKEN, false)));
        } catch (Pkcs11Exception e) {
            if (Failures.sessionLost(e)) {
                throw e;
            }
            refused.add(keyId);
            LOG.log(Level.INFO, "the token does not copy key {0} into sessions ({1}); signing with its token object",
                    keyId, e.name());
            return tokenKey;
        }
        mine.copies().put(keyId, copy);
        return copy;
    }

    /** Drops this session's copy of the key (after the token stopped accepting its handle). */
    void forget(SessionHandle session, String keyId) {
        PerSession mine = bySession.get(session.value());
        if (mine != null) {
            mine.copies().remove(keyId);
        }
    }
}
