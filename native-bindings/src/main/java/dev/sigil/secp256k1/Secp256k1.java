package dev.sigil.secp256k1;

import dev.sigil.secp256k1.gen.secp256k1_h;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * libsecp256k1 through the FFM API: one loaded library and one randomized context, owned by this object's arena
 * ({@link #close()} destroys the context and unloads the library; a call in flight keeps the arena open until it
 * returns, a call after close throws {@link IllegalStateException}). Thread-safe: the context is only read after
 * construction, and every thread works in its own {@link Workspace} of reusable off-heap buffers, so the hot paths
 * allocate nothing per call.
 *
 * <p>Every C return code is turned into a Java result in one place, {@link #ok(int)}: 1 is success, anything else a
 * rejection (a signature that does not verify, an encoding that does not parse). Misuse that libsecp256k1 would
 * report to its illegal-argument callback (by default: abort the process) goes to a callback that only counts it
 * ({@link #illegalArgumentCalls()}); the call then returns 0 and is a rejection like any other. The wrapper's own
 * checks keep such calls from happening.
 *
 * <p>Secret keys are copied into a workspace buffer for the call and the buffer is zeroed before the method returns.
 */
public final class Secp256k1 implements AutoCloseable {
    private static final AtomicLong ILLEGAL_ARGUMENT_CALLS = new AtomicLong();
    private static final MemorySegment NULL = MemorySegment.NULL;

    private final Arena arena;
    private final secp256k1_h lib;
    private final MemorySegment ctx;
    private final String description;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    private Secp256k1(Arena arena, secp256k1_h lib, String description) {
        this.arena = arena;
        this.lib = lib;
        this.description = description;
        MemorySegment raw = lib.secp256k1_context_create(secp256k1_h.SECP256K1_CONTEXT_NONE());
        if (raw.equals(NULL)) {
            throw new Secp256k1Exception(Secp256k1Exception.Reason.LOAD_FAILED, "secp256k1_context_create failed",
                    null);
        }
        // Destroyed when the arena closes; cleanup actions run before the library is unloaded (last added, first run).
        // Every call passes this segment, so none can start once the arena is closed, and the arena cannot close
        // while one is in flight.
        this.ctx = raw.reinterpret(arena, ignored -> lib.secp256k1_context_destroy(raw));
        lib.secp256k1_context_set_illegal_callback(ctx, illegalCallback(arena), NULL);
        try (Arena call = Arena.ofConfined()) {
            byte[] seed = new byte[32];
            new SecureRandom().nextBytes(seed);
            MemorySegment s = call.allocateFrom(ValueLayout.JAVA_BYTE, seed);
            java.util.Arrays.fill(seed, (byte) 0);
            boolean randomized = ok(lib.secp256k1_context_randomize(ctx, s));
            s.fill((byte) 0);
            if (!randomized) {
                throw new Secp256k1Exception(Secp256k1Exception.Reason.LOAD_FAILED,
                        "secp256k1_context_randomize failed", null);
            }
        }
    }

    /**
     * The library bundled in {@code fr.acinq.secp256k1:secp256k1-kmp-jni-jvm-linux}, extracted into (or found
     * already checked in) {@code cacheDir}.
     *
     * @throws Secp256k1Exception LOAD_FAILED when this platform has no bundled library or it cannot be loaded
     */
    public static Secp256k1 bundled(Path cacheDir) {
        Path file = BundledLibrary.extract(cacheDir);
        return open(file, "libsecp256k1 (bundled in " + BundledLibrary.ARTIFACT + ")");
    }

    /**
     * A libsecp256k1 shared library at {@code library} (e.g. a system {@code libsecp256k1.so.2}), built with the
     * recovery, extrakeys and schnorrsig modules.
     *
     * @throws Secp256k1Exception LOAD_FAILED when it cannot be loaded or lacks a function
     */
    public static Secp256k1 open(Path library, String description) {
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
            return new Secp256k1(arena, new secp256k1_h(lookup), description);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            arena.close();
            throw new Secp256k1Exception(Secp256k1Exception.Reason.LOAD_FAILED, "cannot load libsecp256k1 from "
                    + library + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /** Which library this is, for device descriptions and reports. */
    public String description() {
        return description;
    }

    /** The one place a C return code becomes a result: 1 is success, anything else is a rejection. */
    static boolean ok(int rc) {
        return rc == 1;
    }

    /** How many calls in this process libsecp256k1 reported as misuse (0 unless the wrapper has a bug). */
    public static long illegalArgumentCalls() {
        return ILLEGAL_ARGUMENT_CALLS.get();
    }

    @SuppressWarnings("unused") // the upcall target
    private static void onIllegalArgument(MemorySegment message, MemorySegment data) {
        ILLEGAL_ARGUMENT_CALLS.incrementAndGet();
    }

    private static MemorySegment illegalCallback(Arena arena) {
        try {
            return Linker.nativeLinker().upcallStub(MethodHandles.lookup().findStatic(Secp256k1.class,
                    "onIllegalArgument", MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                    secp256k1_h.secp256k1_callback$DESC, arena);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a SEC1 public key (33 or 65 bytes); empty when it is not a point of the curve. */
    public Optional<Pubkey> parsePublicKey(byte[] sec1) {
        Objects.requireNonNull(sec1);
        MemorySegment struct = Arena.ofAuto().allocate(secp256k1_h.secp256k1_pubkey);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment in = call.allocateFrom(ValueLayout.JAVA_BYTE, sec1);
            return ok(lib.secp256k1_ec_pubkey_parse(ctx, struct, in, sec1.length))
                    ? Optional.of(new Pubkey(this, struct)) : Optional.empty();
        }
    }

    /** The SEC1 encoding of a key: 33 bytes compressed or 65 uncompressed. */
    public byte[] serialize(Pubkey key, boolean compressed) {
        own(key);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(65);
            MemorySegment len = call.allocateFrom(ValueLayout.JAVA_LONG, 65);
            int flags = compressed ? secp256k1_h.SECP256K1_EC_COMPRESSED() : secp256k1_h.SECP256K1_EC_UNCOMPRESSED();
            if (!ok(lib.secp256k1_ec_pubkey_serialize(ctx, out, len, key.struct, flags))) {
                throw new IllegalStateException("secp256k1_ec_pubkey_serialize failed");
            }
            return out.asSlice(0, len.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** Parses a BIP-340 x-only public key (32 bytes); empty when x is not the abscissa of a curve point. */
    public Optional<XonlyPubkey> parseXonlyPublicKey(byte[] x32) {
        requireLength(x32, 32, "x-only key");
        MemorySegment struct = Arena.ofAuto().allocate(secp256k1_h.secp256k1_xonly_pubkey);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment in = call.allocateFrom(ValueLayout.JAVA_BYTE, x32);
            return ok(lib.secp256k1_xonly_pubkey_parse(ctx, struct, in))
                    ? Optional.of(new XonlyPubkey(this, struct)) : Optional.empty();
        }
    }

    /** The 32-byte encoding of an x-only key. */
    public byte[] serialize(XonlyPubkey key) {
        own(key.owner);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(32);
            if (!ok(lib.secp256k1_xonly_pubkey_serialize(ctx, out, key.struct))) {
                throw new IllegalStateException("secp256k1_xonly_pubkey_serialize failed");
            }
            return out.toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** This thread's workspace (created on first use, reused after). */
    public Workspace workspace() {
        return workspaces.get();
    }

    private void own(Pubkey key) {
        own(key.owner);
    }

    private void own(Secp256k1 owner) {
        if (owner != this) {
            throw new IllegalArgumentException("the key was parsed by another libsecp256k1 instance");
        }
    }

    private static void requireLength(byte[] b, int length, String what) {
        if (b.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + b.length);
        }
    }

    /**
     * Destroys the context and unloads the library, once no call is in flight (waiting up to a second for calls
     * that are; after that the library stays loaded). Idempotent.
     */
    @Override
    public void close() {
        for (int attempt = 0; attempt < 1000 && arena.scope().isAlive(); attempt++) {
            try {
                arena.close();
            } catch (IllegalStateException inFlight) {
                Thread.onSpinWait();
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** A parsed public key ({@code secp256k1_pubkey}), valid for the instance that parsed it. */
    public static final class Pubkey {
        private final Secp256k1 owner;
        private final MemorySegment struct;

        private Pubkey(Secp256k1 owner, MemorySegment struct) {
            this.owner = owner;
            this.struct = struct;
        }
    }

    /** A parsed x-only public key ({@code secp256k1_xonly_pubkey}), valid for the instance that parsed it. */
    public static final class XonlyPubkey {
        private final Secp256k1 owner;
        private final MemorySegment struct;

        private XonlyPubkey(Secp256k1 owner, MemorySegment struct) {
            this.owner = owner;
            this.struct = struct;
        }
    }

    /**
     * One thread's reusable off-heap buffers and the operations that use them. Not thread-safe: get it from
     * {@link Secp256k1#workspace()} on the thread that uses it.
     */
    public final class Workspace {
        private final MemorySegment compact = Arena.ofAuto().allocate(64);
        private final MemorySegment signature = Arena.ofAuto().allocate(secp256k1_h.secp256k1_ecdsa_signature);
        private final MemorySegment recoverable =
                Arena.ofAuto().allocate(secp256k1_h.secp256k1_ecdsa_recoverable_signature);
        private final MemorySegment digest = Arena.ofAuto().allocate(32);
        private final MemorySegment aux = Arena.ofAuto().allocate(32);
        private final MemorySegment secret = Arena.ofAuto().allocate(32);
        private final MemorySegment keypair = Arena.ofAuto().allocate(secp256k1_h.secp256k1_keypair);
        private final MemorySegment recid = Arena.ofAuto().allocate(ValueLayout.JAVA_INT);
        private final MemorySegment extraparams =
                Arena.ofAuto().allocate(secp256k1_h.secp256k1_schnorrsig_extraparams);
        private MemorySegment message = Arena.ofAuto().allocate(256);

        private Workspace() {
        }

        /**
         * ECDSA verification of (r, s) over a 32-byte digest, each read from a byte array at an offset. The signature
         * is normalized to low S first, so a high-S signature verifies when its low-S twin does (libsecp256k1's own
         * verify rejects high S; whether high S is acceptable is the caller's rule). False when r or s is not below
         * the group order.
         */
        public boolean verifyEcdsa(Pubkey key, byte[] digests, int digestOffset, byte[] r, int rOffset, byte[] s,
                int sOffset) {
            own(key);
            MemorySegment.copy(r, rOffset, compact, ValueLayout.JAVA_BYTE, 0, 32);
            MemorySegment.copy(s, sOffset, compact, ValueLayout.JAVA_BYTE, 32, 32);
            if (!ok(lib.secp256k1_ecdsa_signature_parse_compact(ctx, signature, compact))) {
                return false;
            }
            lib.secp256k1_ecdsa_signature_normalize(ctx, signature, signature);
            MemorySegment.copy(digests, digestOffset, digest, ValueLayout.JAVA_BYTE, 0, 32);
            return ok(lib.secp256k1_ecdsa_verify(ctx, signature, digest, key.struct));
        }

        /**
         * Signs a 32-byte digest with RFC 6979 nonces (libsecp256k1's default nonce function); writes r ‖ s (low S)
         * into {@code out64} and returns the recovery id (0 to 3).
         *
         * @throws Secp256k1Exception INVALID_SECRET_KEY when the secret is zero or not below the order
         */
        public int signEcdsaRecoverable(byte[] secret32, byte[] digest32, byte[] out64) {
            requireLength(secret32, 32, "secret key");
            requireLength(digest32, 32, "digest");
            requireLength(out64, 64, "signature buffer");
            MemorySegment.copy(secret32, 0, secret, ValueLayout.JAVA_BYTE, 0, 32);
            try {
                MemorySegment.copy(digest32, 0, digest, ValueLayout.JAVA_BYTE, 0, 32);
                if (!ok(lib.secp256k1_ecdsa_sign_recoverable(ctx, recoverable, digest, secret, NULL, NULL))) {
                    throw new Secp256k1Exception(Secp256k1Exception.Reason.INVALID_SECRET_KEY,
                            "secp256k1_ecdsa_sign_recoverable refused the secret key", null);
                }
                lib.secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, compact, recid, recoverable);
                MemorySegment.copy(compact, ValueLayout.JAVA_BYTE, 0, out64, 0, 64);
                return recid.get(ValueLayout.JAVA_INT, 0);
            } finally {
                secret.fill((byte) 0);
            }
        }

        /**
         * The public key that made the compact signature r ‖ s with recovery id {@code recoveryId} (0 to 3) over the
         * digest; empty when there is none.
         */
        public Optional<Pubkey> recover(byte[] compact64, int recoveryId, byte[] digest32) {
            requireLength(compact64, 64, "compact signature");
            requireLength(digest32, 32, "digest");
            if (recoveryId < 0 || recoveryId > 3) {
                throw new IllegalArgumentException("recovery id must be 0 to 3, got " + recoveryId);
            }
            MemorySegment.copy(compact64, 0, compact, ValueLayout.JAVA_BYTE, 0, 64);
            if (!ok(lib.secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, recoverable, compact, recoveryId))) {
                return Optional.empty();
            }
            MemorySegment.copy(digest32, 0, digest, ValueLayout.JAVA_BYTE, 0, 32);
            MemorySegment out = Arena.ofAuto().allocate(secp256k1_h.secp256k1_pubkey);
            return ok(lib.secp256k1_ecdsa_recover(ctx, out, recoverable, digest))
                    ? Optional.of(new Pubkey(Secp256k1.this, out)) : Optional.empty();
        }

        /** The public key of a secret key. */
        public Pubkey publicKey(byte[] secret32) {
            requireLength(secret32, 32, "secret key");
            MemorySegment out = Arena.ofAuto().allocate(secp256k1_h.secp256k1_pubkey);
            MemorySegment.copy(secret32, 0, secret, ValueLayout.JAVA_BYTE, 0, 32);
            try {
                if (!ok(lib.secp256k1_ec_pubkey_create(ctx, out, secret))) {
                    throw new Secp256k1Exception(Secp256k1Exception.Reason.INVALID_SECRET_KEY,
                            "secret key out of range", null);
                }
                return new Pubkey(Secp256k1.this, out);
            } finally {
                secret.fill((byte) 0);
            }
        }

        /** BIP-340 verification of a 64-byte signature (read at {@code sigOffset}) over a message of any length. */
        public boolean verifySchnorr(XonlyPubkey key, byte[] sig, int sigOffset, byte[] msg, int msgOffset,
                int msgLength) {
            return verifySchnorr(key, sig, sigOffset, sig, sigOffset + 32, msg, msgOffset, msgLength);
        }

        /**
         * BIP-340 verification of the signature r ‖ s, with r (R.x) and s read as 32 bytes each from their own arrays
         * (a batch keeps them in separate columns), over a message of any length. False when r is not below p or s
         * not below n.
         */
        public boolean verifySchnorr(XonlyPubkey key, byte[] r, int rOffset, byte[] s, int sOffset, byte[] msg,
                int msgOffset, int msgLength) {
            own(key.owner);
            MemorySegment.copy(r, rOffset, compact, ValueLayout.JAVA_BYTE, 0, 32);
            MemorySegment.copy(s, sOffset, compact, ValueLayout.JAVA_BYTE, 32, 32);
            MemorySegment m = messageBuffer(msgLength);
            MemorySegment.copy(msg, msgOffset, m, ValueLayout.JAVA_BYTE, 0, msgLength);
            return ok(lib.secp256k1_schnorrsig_verify(ctx, compact, m, msgLength, key.struct));
        }

        /**
         * BIP-340 signature of a 32-byte message with auxiliary randomness {@code aux32} (BIP-340's recommended
         * nonce derivation); writes the 64-byte signature into {@code out64}.
         */
        public void signSchnorr(byte[] secret32, byte[] msg32, byte[] aux32, byte[] out64) {
            requireLength(msg32, 32, "message");
            requireSchnorrInputs(secret32, aux32, out64);
            MemorySegment.copy(secret32, 0, secret, ValueLayout.JAVA_BYTE, 0, 32);
            try {
                createKeypair();
                MemorySegment.copy(msg32, 0, digest, ValueLayout.JAVA_BYTE, 0, 32);
                MemorySegment.copy(aux32, 0, aux, ValueLayout.JAVA_BYTE, 0, 32);
                if (!ok(lib.secp256k1_schnorrsig_sign32(ctx, compact, digest, keypair, aux))) {
                    throw new Secp256k1Exception(Secp256k1Exception.Reason.SIGNING_FAILED,
                            "secp256k1_schnorrsig_sign32 failed", null);
                }
                MemorySegment.copy(compact, ValueLayout.JAVA_BYTE, 0, out64, 0, 64);
            } finally {
                secret.fill((byte) 0);
                keypair.fill((byte) 0);
            }
        }

        /**
         * BIP-340 signature of a message of any length (BIP-340 as amended for variable-length messages;
         * {@code secp256k1_schnorrsig_sign_custom} with the default nonce function) with auxiliary randomness
         * {@code aux32}; writes the 64-byte signature into {@code out64}. For 32-byte messages it equals
         * {@link #signSchnorr(byte[], byte[], byte[], byte[])}.
         *
         * @throws Secp256k1Exception INVALID_SECRET_KEY when the secret is zero or not below the order
         */
        public void signSchnorrMessage(byte[] secret32, byte[] msg, byte[] aux32, byte[] out64) {
            requireSchnorrInputs(secret32, aux32, out64);
            MemorySegment.copy(secret32, 0, secret, ValueLayout.JAVA_BYTE, 0, 32);
            try {
                createKeypair();
                MemorySegment m = messageBuffer(msg.length);
                MemorySegment.copy(msg, 0, m, ValueLayout.JAVA_BYTE, 0, msg.length);
                MemorySegment.copy(aux32, 0, aux, ValueLayout.JAVA_BYTE, 0, 32);
                MemorySegment.copy(secp256k1_h.SECP256K1_SCHNORRSIG_EXTRAPARAMS_MAGIC(), 0, extraparams,
                        ValueLayout.JAVA_BYTE, 0, 4);
                extraparams.set(secp256k1_h.C_POINTER, 8, NULL);
                extraparams.set(secp256k1_h.C_POINTER, 16, aux);
                if (!ok(lib.secp256k1_schnorrsig_sign_custom(ctx, compact, m, msg.length, keypair, extraparams))) {
                    throw new Secp256k1Exception(Secp256k1Exception.Reason.SIGNING_FAILED,
                            "secp256k1_schnorrsig_sign_custom failed", null);
                }
                MemorySegment.copy(compact, ValueLayout.JAVA_BYTE, 0, out64, 0, 64);
            } finally {
                secret.fill((byte) 0);
                keypair.fill((byte) 0);
            }
        }

        /** The x-only public key of a secret key: the x of d·G ({@code secp256k1_keypair_xonly_pub}). */
        public XonlyPubkey xonlyPublicKey(byte[] secret32) {
            requireLength(secret32, 32, "secret key");
            MemorySegment out = Arena.ofAuto().allocate(secp256k1_h.secp256k1_xonly_pubkey);
            MemorySegment.copy(secret32, 0, secret, ValueLayout.JAVA_BYTE, 0, 32);
            try {
                createKeypair();
                if (!ok(lib.secp256k1_keypair_xonly_pub(ctx, out, NULL, keypair))) {
                    throw new IllegalStateException("secp256k1_keypair_xonly_pub failed");
                }
                return new XonlyPubkey(Secp256k1.this, out);
            } finally {
                secret.fill((byte) 0);
                keypair.fill((byte) 0);
            }
        }

        /** {@code secp256k1_keypair_create} from the secret buffer, which the caller fills and zeroes. */
        private void createKeypair() {
            if (!ok(lib.secp256k1_keypair_create(ctx, keypair, secret))) {
                throw new Secp256k1Exception(Secp256k1Exception.Reason.INVALID_SECRET_KEY,
                        "secret key out of range", null);
            }
        }

        private static void requireSchnorrInputs(byte[] secret32, byte[] aux32, byte[] out64) {
            requireLength(secret32, 32, "secret key");
            requireLength(aux32, 32, "auxiliary randomness");
            requireLength(out64, 64, "signature buffer");
        }

        private MemorySegment messageBuffer(int length) {
            if (message.byteSize() < length) {
                message = Arena.ofAuto().allocate(Math.max(length, 2 * message.byteSize()));
            }
            return message;
        }
    }
}
