package dev.sigil.hsm;

import static dev.sigil.pkcs11.Pkcs11Constants.CKU_USER;
import static dev.sigil.pkcs11.ReturnValue.USER_ALREADY_LOGGED_IN;

import dev.sigil.crypto.spi.BackendException;
import dev.sigil.pkcs11.Pkcs11Exception;
import dev.sigil.pkcs11.Pkcs11Module;
import dev.sigil.pkcs11.SessionHandle;
import dev.sigil.pkcs11.SlotId;
import java.lang.System.Logger.Level;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * A fixed pool of read-write sessions on one token, logged in once for the application. Each session serves one
 * thread at a time. When a call fails because the sessions or the login are gone ({@link Failures#SESSION_LOST}),
 * the pool re-opens every session and logs in again (once, however many threads saw the failure; a read-write lock
 * keeps calls out while handles are replaced, so a stale handle is never reused by two threads), then retries the
 * call once; a second failure is a {@link BackendException.DeviceFailure}.
 *
 * <p>Borrowing is lock-free while sessions are free (a permit per free session, a CAS per session), and a thread
 * goes back to the session it used last when that one is free.
 */
final class SessionPool implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SessionPool.class.getName());
    private static final long BORROW_TIMEOUT_SECONDS = 30;

    /** Work done on one session. */
    @FunctionalInterface
    interface Work<T> {
        T run(SessionHandle session);
    }

    private final Pkcs11Module module;
    private final SlotId slot;
    private final PinSource pin;
    private final SessionHandle[] handles;
    private final Semaphore free;
    private final AtomicIntegerArray busy;
    private final ThreadLocal<int[]> lastUsed;
    private final StampedLock lock = new StampedLock();
    private volatile long generation;
    private volatile boolean closed;

    private SessionPool(Pkcs11Module module, SlotId slot, PinSource pin, int size) {
        this.module = module;
        this.slot = slot;
        this.pin = pin;
        this.handles = new SessionHandle[size];
        this.free = new Semaphore(0);
        this.busy = new AtomicIntegerArray(size);
        this.lastUsed = ThreadLocal.withInitial(() -> new int[] {ThreadLocalRandom.current().nextInt(size)});
    }

    /**
     * Opens {@code size} sessions and logs in.
     *
     * @throws Pkcs11Exception when a session cannot be opened or the login is refused (e.g. CKR_PIN_INCORRECT)
     */
    static SessionPool open(Pkcs11Module module, SlotId slot, PinSource pin, int size) {
        SessionPool pool = new SessionPool(module, slot, pin, size);
        long stamp = pool.lock.writeLock();
        try {
            pool.openAll();
        } catch (RuntimeException e) {
            pool.closeQuietly();
            throw e;
        } finally {
            pool.lock.unlockWrite(stamp);
        }
        pool.free.release(size);
        return pool;
    }

    int size() {
        return handles.length;
    }

    /**
     * How many times the sessions were re-opened. Object handles of private objects found in an earlier generation
     * may be invalid (the login was lost); work running on a session sees the generation of its handle.
     */
    long generation() {
        return generation;
    }

    /** Runs the work on a free session, recovering lost sessions once. */
    <T> T call(String what, Work<T> work) {
        int index = borrow(what);
        try {
            long stamp = lock.readLock();
            long seen = generation;
            try {
                ensureOpen();
                return work.run(handles[index]);
            } catch (Pkcs11Exception e) {
                if (!Failures.sessionLost(e)) {
                    throw Failures.of(what, e);
                }
                LOG.log(Level.WARNING, "{0}: {1}; re-opening the sessions and logging in again", what, e.name());
            } finally {
                lock.unlockRead(stamp);
            }
            recover(seen);
            return retry(what, work, index);
        } finally {
            giveBack(index);
        }
    }

    private <T> T retry(String what, Work<T> work, int index) {
        long stamp = lock.readLock();
        try {
            ensureOpen();
            return work.run(handles[index]);
        } catch (Pkcs11Exception e) {
            if (Failures.sessionLost(e)) {
                throw new BackendException.DeviceFailure(HsmBackend.ID,
                        what + " failed again after re-opening the sessions: " + e.name(), e);
            }
            throw Failures.of(what, e);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Re-opens every session and logs in, unless another thread already did since {@code seen}. */
    private void recover(long seen) {
        long stamp = lock.writeLock();
        try {
            ensureOpen();
            if (generation != seen) {
                return;
            }
            generation++;
            try {
                module.closeAllSessions(slot);
            } catch (Pkcs11Exception e) {
                LOG.log(Level.DEBUG, "C_CloseAllSessions during recovery: {0}", e.name());
            }
            openAll();
            LOG.log(Level.INFO, "re-opened {0} sessions on {1} and logged in", handles.length, slot);
        } catch (Pkcs11Exception | IllegalStateException e) {
            throw new BackendException.DeviceFailure(HsmBackend.ID, "cannot re-open the token sessions: "
                    + e.getMessage(), e);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Called with the write lock held. */
    private void openAll() {
        for (int i = 0; i < handles.length; i++) {
            handles[i] = module.openSession(slot, true);
        }
        login(handles[0]);
    }

    private void login(SessionHandle session) {
        byte[] secret = pin.read();
        try {
            module.login(session, CKU_USER, secret);
        } catch (Pkcs11Exception e) {
            if (e.returnValue() != USER_ALREADY_LOGGED_IN) {
                throw e;
            }
        } finally {
            PinSource.wipe(secret);
        }
    }

    /**
     * True when the token is present and the application is logged in. A free session that shows the login lost
     * triggers the recovery; when every session is busy the pool is in use and counts as healthy.
     */
    boolean healthy() {
        int index = free.tryAcquire() ? claim() : -1;
        try {
            long stamp = lock.readLock();
            long seen = generation;
            try {
                if (closed || !module.tokenPresent(slot)) {
                    return false;
                }
                if (index < 0 || module.sessionInfo(handles[index]).userLoggedIn()) {
                    return true;
                }
            } catch (Pkcs11Exception e) {
                LOG.log(Level.DEBUG, "health probe: {0}", e.name());
            } finally {
                lock.unlockRead(stamp);
            }
            if (index < 0) {
                return false;
            }
            recover(seen);
            return locked(() -> module.sessionInfo(handles[index]).userLoggedIn());
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "health probe failed: {0}", e.getMessage());
            return false;
        } finally {
            if (index >= 0) {
                giveBack(index);
            }
        }
    }

    /** Runs native work under the read lock, refusing once the pool is closed (the module may be unloaded). */
    private <T> T locked(Supplier<T> work) {
        long stamp = lock.readLock();
        try {
            ensureOpen();
            return work.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BackendException.DeviceFailure(HsmBackend.ID, "the HSM backend is closed", null);
        }
    }

    private int borrow(String what) {
        ensureOpen();
        try {
            if (!free.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new BackendException.DeviceFailure(HsmBackend.ID,
                        what + ": no token session became free within " + BORROW_TIMEOUT_SECONDS + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendException.DeviceFailure(HsmBackend.ID, what + ": interrupted waiting for a session", e);
        }
        return claim();
    }

    /** Takes a free session (the caller holds a permit, so one is free), preferring the one this thread used last. */
    private int claim() {
        int[] last = lastUsed.get();
        int n = handles.length;
        while (true) {
            for (int k = 0; k < n; k++) {
                int i = (last[0] + k) % n;
                if (busy.compareAndSet(i, 0, 1)) {
                    last[0] = i;
                    return i;
                }
            }
            Thread.onSpinWait();
        }
    }

    private void giveBack(int index) {
        busy.set(index, 0);
        free.release();
    }

    /** Runs the action while no work runs on any session of the pool (work waits for it). */
    void exclusive(Runnable action) {
        long stamp = lock.writeLock();
        try {
            action.run();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** Closes every session of the pool (logging the application out). Idempotent. */
    @Override
    public void close() {
        long stamp = lock.writeLock();
        try {
            if (!closed) {
                closed = true;
                closeQuietly();
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private void closeQuietly() {
        try {
            module.closeAllSessions(slot);
        } catch (Pkcs11Exception e) {
            LOG.log(Level.DEBUG, "C_CloseAllSessions on close: {0}", e.name());
        }
    }
}
