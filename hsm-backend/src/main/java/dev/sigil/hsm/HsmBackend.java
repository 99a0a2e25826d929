package dev.sigil.hsm;

import dev.sigil.crypto.Operation;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.spi.Backend;
import dev.sigil.crypto.spi.BackendException;
import dev.sigil.crypto.spi.BackendKind;
import dev.sigil.crypto.spi.RawSignature;
import dev.sigil.crypto.spi.Signer;
import dev.sigil.crypto.spi.SigningKey;
import dev.sigil.crypto.spi.TokenKeys;
import dev.sigil.crypto.spi.Verifier;
import dev.sigil.pkcs11.ModuleLoadException;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SlotId;
import dev.sigil.pkcs11.TokenInfo;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A PKCS #11 token as a backend: signs with keys held in the token (and, with {@code verify: true}, offers a
 * {@link Verifier} through it). One login for the application, a {@link SessionPool} of sessions, keys in {@link HsmTokenKeys}.
 * {@link #close()} closes the sessions and calls {@code C_Finalize}.
 */
public final class HsmBackend implements Backend, Signer {
    public static final String ID = "hsm";
    private static final System.Logger LOG = System.getLogger(HsmBackend.class.getName());

    private final HsmConfig config;
    private final Pkcs11Module module;
    private final SessionPool pool;
    private final Mechanisms mechanisms;
    private final HsmTokenKeys keys;
    private final HsmSigner signer;
    private final HsmVerifier verifier;
    private final String device;
    private volatile boolean closed;

    private HsmBackend(HsmConfig config, Pkcs11Module module, SessionPool pool, Mechanisms mechanisms,
            String device) {
        this.config = config;
        this.module = module;
        this.pool = pool;
        this.mechanisms = mechanisms;
        this.device = device;
        this.keys = new HsmTokenKeys(pool, module.objects(), mechanisms);
        this.signer = new HsmSigner(pool, module.objects(), mechanisms, keys,
                new SessionKeyCopies(module.objects(), config.sessionKeyCopies()));
        this.verifier = new HsmVerifier(pool, module.objects(), mechanisms, this::ensureOpen);
    }

    /**
     * Loads the module, finds the token, opens the session pool, logs in and lists the token's keys.
     *
     * @throws BackendException.Unavailable with a message naming what is wrong (never the PIN)
     */
    public static HsmBackend open(HsmConfig config) {
        if (!Files.isReadable(config.module())) {
            throw unavailable("the PKCS #11 module " + config.module() + " does not exist or is not readable", null);
        }
        Pkcs11Module module;
        try {
            module = Pkcs11Module.open(config.module());
        } catch (ModuleLoadException | Pkcs11Exception e) {
            throw unavailable("cannot load the PKCS #11 module " + config.module() + ": " + e.getMessage(), e);
        }
        try {
            return start(config, module);
        } catch (RuntimeException e) {
            module.close();
            throw e;
        }
    }

    private static HsmBackend start(HsmConfig config, Pkcs11Module module) {
        SlotId slot;
        TokenInfo token;
        try {
            slot = module.findToken(config.tokenLabel()).orElseThrow(() -> unavailable("no token labelled '"
                    + config.tokenLabel() + "' in " + config.module() + " (present: " + labels(module) + ")", null));
            token = module.tokenInfo(slot);
        } catch (Pkcs11Exception e) {
            throw unavailable("cannot list the tokens of " + config.module() + ": " + e.getMessage(), e);
        }
        SessionPool pool = login(config, module, slot);
        try {
            Mechanisms mechanisms = new Mechanisms(config.mechanisms(), module.mechanisms(slot));
            String device = "PKCS#11 token '" + token.label() + "' (" + token.manufacturerId() + " " + token.model()
                    + ", serial " + token.serialNumber() + ") via " + module.info();
            HsmBackend backend = new HsmBackend(config, module, pool, mechanisms, device);
            backend.keys.refresh();
            LOG.log(Level.INFO, "{0}: {1} sessions, sign {2}, verify {3}, {4} keys", device, pool.size(),
                    backend.signableSchemes(), backend.verifier().map(Verifier::verifiableSchemes).orElse(Set.of()),
                    backend.keys.count());
            return backend;
        } catch (Pkcs11Exception e) {
            pool.close();
            throw unavailable("cannot read the token '" + config.tokenLabel() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static SessionPool login(HsmConfig config, Pkcs11Module module, SlotId slot) {
        try {
            return SessionPool.open(module, slot, config.pin(), config.sessions());
        } catch (Pkcs11Exception e) {
            throw unavailable("cannot open sessions on token '" + config.tokenLabel() + "': " + e.name(), e);
        } catch (BackendException.Unavailable e) {
            // The PIN was refused, or the token's PIN flags forbid a login (SessionPool says which).
            String reason = e.getMessage().substring(("[" + ID + "] ").length());
            throw unavailable("cannot log in to token '" + config.tokenLabel() + "': " + reason, e.getCause());
        } catch (IllegalStateException e) {
            throw unavailable("cannot log in to token '" + config.tokenLabel() + "': " + e.getMessage(), null);
        }
    }

    private static String labels(Pkcs11Module module) {
        return String.join(", ", module.slots(true).stream().map(s -> "'" + module.tokenInfo(s).label() + "'")
                .toList());
    }

    private static BackendException.Unavailable unavailable(String message, Throwable cause) {
        return new BackendException.Unavailable(ID, message, cause);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public BackendKind kind() {
        return BackendKind.HSM;
    }

    @Override
    public String device() {
        return device;
    }

    /** Runs the action while no token call of this backend is in flight (for tests and diagnostics). */
    void whileIdle(Runnable action) {
        pool.exclusive(action);
    }

    /** How many times the session pool was re-opened (for tests and diagnostics). */
    long sessionGeneration() {
        return pool.generation();
    }

    public HsmConfig config() {
        return config;
    }

    /** The schemes the token has a mechanism for. */
    @Override
    public Set<Scheme> signableSchemes() {
        return mechanisms.schemes();
    }

    /** Why the scheme cannot be used with this token, or empty when it can sign. */
    public Optional<String> unsupportedReason(Scheme scheme) {
        return mechanisms.forScheme(scheme).isPresent() ? Optional.empty()
                : Optional.of(mechanisms.unavailableReason(scheme));
    }

    /** Verification through the token ({@code C_Verify}), when {@code verify: true}. */
    @Override
    public Optional<Verifier> verifier() {
        return config.verify() ? Optional.of(verifier) : Optional.empty();
    }

    @Override
    public Optional<Signer> signer() {
        return Optional.of(this);
    }

    @Override
    public List<RawSignature> sign(SigningKey key, List<byte[]> inputs) {
        if (!(key instanceof SigningKey.Token token) || !ID.equals(token.backendId())) {
            throw new IllegalArgumentException("the HSM backend signs only with its own token keys, not " + key);
        }
        ensureOpen();
        return signer.sign(keys.resolve(token), inputs);
    }

    @Override
    public boolean canSignWith(SigningKey key) {
        return key instanceof SigningKey.Token token && ID.equals(token.backendId())
                && mechanisms.forScheme(key.scheme()).isPresent();
    }

    @Override
    public Optional<TokenKeys> tokenKeys() {
        return Optional.of(keys);
    }

    /** Healthy unless {@link #healthProblem()} names a problem. Never logs in. */
    @Override
    public boolean isHealthy() {
        return healthProblem().isEmpty();
    }

    /**
     * Why the backend cannot sign now (the token refused the PIN, its PIN flags forbid a login, the token is
     * gone), or empty. Reads the token's state and never logs in: after the sessions lost their login, the next
     * token call logs in once.
     */
    @Override
    public Optional<String> healthProblem() {
        return closed ? Optional.of("the HSM backend is closed") : pool.problem();
    }

    /**
     * Logs in to the token again, once, on an operator's request: after the token refused the PIN (fix the PIN
     * source first; it is read again) or its PIN flags stopped Sigil from logging in by itself. The PIN flags are
     * read first: with {@code CKF_USER_PIN_LOCKED} or {@code CKF_USER_PIN_FINAL_TRY} no login is attempted.
     *
     * @throws BackendException.Unavailable when the token refuses the login or its flags forbid it (the backend
     *     stays unhealthy with the reason)
     */
    public void relogin() {
        ensureOpen();
        pool.relogin();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pool.close();
        } finally {
            module.close();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BackendException.DeviceFailure(ID, "the HSM backend is closed", null);
        }
    }
}
