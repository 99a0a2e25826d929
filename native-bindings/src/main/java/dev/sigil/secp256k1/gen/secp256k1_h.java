// Written by hand in the shape jextract (JDK 22+) gives for libsecp256k1's public headers (secp256k1.h,
// secp256k1_recovery.h, secp256k1_extrakeys.h, secp256k1_schnorrsig.h), Linux x86-64 and aarch64 (LP64: size_t is
// 64 bits). One difference from jextract's output: the library is chosen at run time (bundled or system), so the
// downcall handles are bound by an instance to a SymbolLookup instead of by static initializers. To regenerate the
// descriptors with jextract where it is installed, see native-bindings/regenerate-secp256k1.sh. A second difference:
// the handles are bound to bare addresses (see bind).

package dev.sigil.secp256k1.gen;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.NoSuchElementException;

/**
 * The C types, macros and functions of libsecp256k1 that Sigil uses. Every function returns what the C function
 * returns (1 on success, 0 on failure for the {@code int} functions); the meaning of 0 is the wrapper's business.
 */
public final class secp256k1_h {

    /** {@code unsigned char}. */
    public static final ValueLayout.OfByte C_CHAR = ValueLayout.JAVA_BYTE;
    /** {@code int}, {@code unsigned int}. */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** {@code size_t}: 64 bits on LP64. */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** Any pointer. */
    public static final AddressLayout C_POINTER = ValueLayout.ADDRESS;

    /** {@snippet lang=c : typedef struct { unsigned char data[64]; } secp256k1_pubkey; } */
    public static final StructLayout secp256k1_pubkey = opaque("secp256k1_pubkey", 64);
    /** {@snippet lang=c : typedef struct { unsigned char data[64]; } secp256k1_ecdsa_signature; } */
    public static final StructLayout secp256k1_ecdsa_signature = opaque("secp256k1_ecdsa_signature", 64);
    /** {@snippet lang=c : typedef struct { unsigned char data[65]; } secp256k1_ecdsa_recoverable_signature; } */
    public static final StructLayout secp256k1_ecdsa_recoverable_signature =
            opaque("secp256k1_ecdsa_recoverable_signature", 65);
    /** {@snippet lang=c : typedef struct { unsigned char data[64]; } secp256k1_xonly_pubkey; } */
    public static final StructLayout secp256k1_xonly_pubkey = opaque("secp256k1_xonly_pubkey", 64);
    /** {@snippet lang=c : typedef struct { unsigned char data[96]; } secp256k1_keypair; } */
    public static final StructLayout secp256k1_keypair = opaque("secp256k1_keypair", 96);
    /**
     * {@snippet lang=c :
     * typedef struct {
     *     unsigned char magic[4];
     *     secp256k1_nonce_function_hardened noncefp;
     *     void *ndata;
     * } secp256k1_schnorrsig_extraparams;
     * }
     */
    public static final StructLayout secp256k1_schnorrsig_extraparams = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(4, C_CHAR).withName("magic"), MemoryLayout.paddingLayout(4),
            C_POINTER.withName("noncefp"), C_POINTER.withName("ndata")).withName("secp256k1_schnorrsig_extraparams");

    /** {@snippet lang=c : #define SECP256K1_SCHNORRSIG_EXTRAPARAMS_MAGIC { 0xda, 0x6f, 0xb3, 0x8c } } */
    public static byte[] SECP256K1_SCHNORRSIG_EXTRAPARAMS_MAGIC() {
        return new byte[] {(byte) 0xda, (byte) 0x6f, (byte) 0xb3, (byte) 0x8c};
    }

    /** {@snippet lang=c : #define SECP256K1_CONTEXT_NONE (SECP256K1_FLAGS_TYPE_CONTEXT) } */
    public static int SECP256K1_CONTEXT_NONE() {
        return 1;
    }

    /** {@snippet lang=c : #define SECP256K1_EC_COMPRESSED (SECP256K1_FLAGS_TYPE_COMPRESSION | SECP256K1_FLAGS_BIT_COMPRESSION) } */
    public static int SECP256K1_EC_COMPRESSED() {
        return (1 << 1) | (1 << 8);
    }

    /** {@snippet lang=c : #define SECP256K1_EC_UNCOMPRESSED (SECP256K1_FLAGS_TYPE_COMPRESSION) } */
    public static int SECP256K1_EC_UNCOMPRESSED() {
        return 1 << 1;
    }

    /** {@snippet lang=c : typedef void (*callback)(const char *message, void *data); } (the illegal-argument callback) */
    public static final FunctionDescriptor secp256k1_callback$DESC = FunctionDescriptor.ofVoid(C_POINTER, C_POINTER);

    private static final Linker LINKER = Linker.nativeLinker();

    private final MethodHandle context_create;
    private final MethodHandle context_destroy;
    private final MethodHandle context_randomize;
    private final MethodHandle context_set_illegal_callback;
    private final MethodHandle ec_pubkey_parse;
    private final MethodHandle ec_pubkey_serialize;
    private final MethodHandle ec_pubkey_create;
    private final MethodHandle ec_seckey_verify;
    private final MethodHandle ecdsa_signature_parse_compact;
    private final MethodHandle ecdsa_signature_serialize_compact;
    private final MethodHandle ecdsa_signature_normalize;
    private final MethodHandle ecdsa_verify;
    private final MethodHandle ecdsa_sign;
    private final MethodHandle ecdsa_recoverable_signature_parse_compact;
    private final MethodHandle ecdsa_recoverable_signature_serialize_compact;
    private final MethodHandle ecdsa_sign_recoverable;
    private final MethodHandle ecdsa_recover;
    private final MethodHandle xonly_pubkey_parse;
    private final MethodHandle xonly_pubkey_serialize;
    private final MethodHandle keypair_create;
    private final MethodHandle keypair_xonly_pub;
    private final MethodHandle schnorrsig_sign32;
    private final MethodHandle schnorrsig_verify;
    private final MethodHandle schnorrsig_sign_custom;

    /**
     * Binds every function above in {@code lookup}.
     *
     * @throws NoSuchElementException naming the first symbol the library lacks
     */
    public secp256k1_h(SymbolLookup lookup) {
        context_create = bind(lookup, "secp256k1_context_create", FunctionDescriptor.of(C_POINTER, C_INT));
        context_destroy = bind(lookup, "secp256k1_context_destroy", FunctionDescriptor.ofVoid(C_POINTER));
        context_randomize = bind(lookup, "secp256k1_context_randomize",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        context_set_illegal_callback = bind(lookup, "secp256k1_context_set_illegal_callback",
                FunctionDescriptor.ofVoid(C_POINTER, C_POINTER, C_POINTER));
        ec_pubkey_parse = bind(lookup, "secp256k1_ec_pubkey_parse",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG));
        ec_pubkey_serialize = bind(lookup, "secp256k1_ec_pubkey_serialize",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_INT));
        ec_pubkey_create = bind(lookup, "secp256k1_ec_pubkey_create",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        ec_seckey_verify = bind(lookup, "secp256k1_ec_seckey_verify",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER));
        ecdsa_signature_parse_compact = bind(lookup, "secp256k1_ecdsa_signature_parse_compact",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_signature_serialize_compact = bind(lookup, "secp256k1_ecdsa_signature_serialize_compact",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_signature_normalize = bind(lookup, "secp256k1_ecdsa_signature_normalize",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_verify = bind(lookup, "secp256k1_ecdsa_verify",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_sign = bind(lookup, "secp256k1_ecdsa_sign",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_recoverable_signature_parse_compact = bind(lookup,
                "secp256k1_ecdsa_recoverable_signature_parse_compact",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_INT));
        ecdsa_recoverable_signature_serialize_compact = bind(lookup,
                "secp256k1_ecdsa_recoverable_signature_serialize_compact",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_sign_recoverable = bind(lookup, "secp256k1_ecdsa_sign_recoverable",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        ecdsa_recover = bind(lookup, "secp256k1_ecdsa_recover",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        xonly_pubkey_parse = bind(lookup, "secp256k1_xonly_pubkey_parse",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        xonly_pubkey_serialize = bind(lookup, "secp256k1_xonly_pubkey_serialize",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        keypair_create = bind(lookup, "secp256k1_keypair_create",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER));
        keypair_xonly_pub = bind(lookup, "secp256k1_keypair_xonly_pub",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        schnorrsig_sign32 = bind(lookup, "secp256k1_schnorrsig_sign32",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_POINTER, C_POINTER));
        schnorrsig_verify = bind(lookup, "secp256k1_schnorrsig_verify",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER));
        schnorrsig_sign_custom = bind(lookup, "secp256k1_schnorrsig_sign_custom",
                FunctionDescriptor.of(C_INT, C_POINTER, C_POINTER, C_POINTER, C_LONG, C_POINTER, C_POINTER));
    }

    private static StructLayout opaque(String name, long size) {
        return MemoryLayout.structLayout(MemoryLayout.sequenceLayout(size, C_CHAR).withName("data")).withName(name);
    }

    private static MethodHandle bind(SymbolLookup lookup, String name, FunctionDescriptor desc) {
        MemorySegment address = lookup.find(name).orElseThrow(() -> new NoSuchElementException(name));
        // Bound to the bare address: the library's lifetime is guarded by the context argument every call but
        // context_create takes (a segment of the same arena), and context_destroy must still run while it closes.
        return LINKER.downcallHandle(MemorySegment.ofAddress(address.address()), desc);
    }

    /** {@snippet lang=c : secp256k1_context *secp256k1_context_create(unsigned int flags); } */
    public MemorySegment secp256k1_context_create(int flags) {
        try {
            return (MemorySegment) context_create.invokeExact(flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@snippet lang=c : void secp256k1_context_destroy(secp256k1_context *ctx); } */
    public void secp256k1_context_destroy(MemorySegment ctx) {
        try {
            context_destroy.invokeExact(ctx);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@snippet lang=c : int secp256k1_context_randomize(secp256k1_context *ctx, const unsigned char *seed32); } */
    public int secp256k1_context_randomize(MemorySegment ctx, MemorySegment seed32) {
        try {
            return (int) context_randomize.invokeExact(ctx, seed32);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * void secp256k1_context_set_illegal_callback(secp256k1_context *ctx,
     *     void (*fun)(const char *message, void *data), const void *data);
     * }
     */
    public void secp256k1_context_set_illegal_callback(MemorySegment ctx, MemorySegment fun, MemorySegment data) {
        try {
            context_set_illegal_callback.invokeExact(ctx, fun, data);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ec_pubkey_parse(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
     *     const unsigned char *input, size_t inputlen);
     * }
     */
    public int secp256k1_ec_pubkey_parse(MemorySegment ctx, MemorySegment pubkey, MemorySegment input, long inputlen) {
        try {
            return (int) ec_pubkey_parse.invokeExact(ctx, pubkey, input, inputlen);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ec_pubkey_serialize(const secp256k1_context *ctx, unsigned char *output, size_t *outputlen,
     *     const secp256k1_pubkey *pubkey, unsigned int flags);
     * }
     */
    public int secp256k1_ec_pubkey_serialize(MemorySegment ctx, MemorySegment output, MemorySegment outputlen,
            MemorySegment pubkey, int flags) {
        try {
            return (int) ec_pubkey_serialize.invokeExact(ctx, output, outputlen, pubkey, flags);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ec_pubkey_create(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
     *     const unsigned char *seckey);
     * }
     */
    public int secp256k1_ec_pubkey_create(MemorySegment ctx, MemorySegment pubkey, MemorySegment seckey) {
        try {
            return (int) ec_pubkey_create.invokeExact(ctx, pubkey, seckey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** {@snippet lang=c : int secp256k1_ec_seckey_verify(const secp256k1_context *ctx, const unsigned char *seckey); } */
    public int secp256k1_ec_seckey_verify(MemorySegment ctx, MemorySegment seckey) {
        try {
            return (int) ec_seckey_verify.invokeExact(ctx, seckey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_signature_parse_compact(const secp256k1_context *ctx, secp256k1_ecdsa_signature *sig,
     *     const unsigned char *input64);
     * }
     */
    public int secp256k1_ecdsa_signature_parse_compact(MemorySegment ctx, MemorySegment sig, MemorySegment input64) {
        try {
            return (int) ecdsa_signature_parse_compact.invokeExact(ctx, sig, input64);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_signature_serialize_compact(const secp256k1_context *ctx, unsigned char *output64,
     *     const secp256k1_ecdsa_signature *sig);
     * }
     */
    public int secp256k1_ecdsa_signature_serialize_compact(MemorySegment ctx, MemorySegment output64,
            MemorySegment sig) {
        try {
            return (int) ecdsa_signature_serialize_compact.invokeExact(ctx, output64, sig);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_signature_normalize(const secp256k1_context *ctx, secp256k1_ecdsa_signature *sigout,
     *     const secp256k1_ecdsa_signature *sigin);
     * }
     */
    public int secp256k1_ecdsa_signature_normalize(MemorySegment ctx, MemorySegment sigout, MemorySegment sigin) {
        try {
            return (int) ecdsa_signature_normalize.invokeExact(ctx, sigout, sigin);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_verify(const secp256k1_context *ctx, const secp256k1_ecdsa_signature *sig,
     *     const unsigned char *msghash32, const secp256k1_pubkey *pubkey);
     * }
     */
    public int secp256k1_ecdsa_verify(MemorySegment ctx, MemorySegment sig, MemorySegment msghash32,
            MemorySegment pubkey) {
        try {
            return (int) ecdsa_verify.invokeExact(ctx, sig, msghash32, pubkey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_sign(const secp256k1_context *ctx, secp256k1_ecdsa_signature *sig,
     *     const unsigned char *msghash32, const unsigned char *seckey, secp256k1_nonce_function noncefp,
     *     const void *ndata);
     * }
     */
    public int secp256k1_ecdsa_sign(MemorySegment ctx, MemorySegment sig, MemorySegment msghash32,
            MemorySegment seckey, MemorySegment noncefp, MemorySegment ndata) {
        try {
            return (int) ecdsa_sign.invokeExact(ctx, sig, msghash32, seckey, noncefp, ndata);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_recoverable_signature_parse_compact(const secp256k1_context *ctx,
     *     secp256k1_ecdsa_recoverable_signature *sig, const unsigned char *input64, int recid);
     * }
     */
    public int secp256k1_ecdsa_recoverable_signature_parse_compact(MemorySegment ctx, MemorySegment sig,
            MemorySegment input64, int recid) {
        try {
            return (int) ecdsa_recoverable_signature_parse_compact.invokeExact(ctx, sig, input64, recid);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_recoverable_signature_serialize_compact(const secp256k1_context *ctx,
     *     unsigned char *output64, int *recid, const secp256k1_ecdsa_recoverable_signature *sig);
     * }
     */
    public int secp256k1_ecdsa_recoverable_signature_serialize_compact(MemorySegment ctx, MemorySegment output64,
            MemorySegment recid, MemorySegment sig) {
        try {
            return (int) ecdsa_recoverable_signature_serialize_compact.invokeExact(ctx, output64, recid, sig);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_sign_recoverable(const secp256k1_context *ctx, secp256k1_ecdsa_recoverable_signature *sig,
     *     const unsigned char *msghash32, const unsigned char *seckey, secp256k1_nonce_function noncefp,
     *     const void *ndata);
     * }
     */
    public int secp256k1_ecdsa_sign_recoverable(MemorySegment ctx, MemorySegment sig, MemorySegment msghash32,
            MemorySegment seckey, MemorySegment noncefp, MemorySegment ndata) {
        try {
            return (int) ecdsa_sign_recoverable.invokeExact(ctx, sig, msghash32, seckey, noncefp, ndata);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_ecdsa_recover(const secp256k1_context *ctx, secp256k1_pubkey *pubkey,
     *     const secp256k1_ecdsa_recoverable_signature *sig, const unsigned char *msghash32);
     * }
     */
    public int secp256k1_ecdsa_recover(MemorySegment ctx, MemorySegment pubkey, MemorySegment sig,
            MemorySegment msghash32) {
        try {
            return (int) ecdsa_recover.invokeExact(ctx, pubkey, sig, msghash32);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_xonly_pubkey_parse(const secp256k1_context *ctx, secp256k1_xonly_pubkey *pubkey,
     *     const unsigned char *input32);
     * }
     */
    public int secp256k1_xonly_pubkey_parse(MemorySegment ctx, MemorySegment pubkey, MemorySegment input32) {
        try {
            return (int) xonly_pubkey_parse.invokeExact(ctx, pubkey, input32);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_xonly_pubkey_serialize(const secp256k1_context *ctx, unsigned char *output32,
     *     const secp256k1_xonly_pubkey *pubkey);
     * }
     */
    public int secp256k1_xonly_pubkey_serialize(MemorySegment ctx, MemorySegment output32, MemorySegment pubkey) {
        try {
            return (int) xonly_pubkey_serialize.invokeExact(ctx, output32, pubkey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_keypair_create(const secp256k1_context *ctx, secp256k1_keypair *keypair,
     *     const unsigned char *seckey);
     * }
     */
    public int secp256k1_keypair_create(MemorySegment ctx, MemorySegment keypair, MemorySegment seckey) {
        try {
            return (int) keypair_create.invokeExact(ctx, keypair, seckey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_keypair_xonly_pub(const secp256k1_context *ctx, secp256k1_xonly_pubkey *pubkey,
     *     int *pk_parity, const secp256k1_keypair *keypair);
     * }
     */
    public int secp256k1_keypair_xonly_pub(MemorySegment ctx, MemorySegment pubkey, MemorySegment pkParity,
            MemorySegment keypair) {
        try {
            return (int) keypair_xonly_pub.invokeExact(ctx, pubkey, pkParity, keypair);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_schnorrsig_sign32(const secp256k1_context *ctx, unsigned char *sig64,
     *     const unsigned char *msg32, const secp256k1_keypair *keypair, const unsigned char *aux_rand32);
     * }
     */
    public int secp256k1_schnorrsig_sign32(MemorySegment ctx, MemorySegment sig64, MemorySegment msg32,
            MemorySegment keypair, MemorySegment auxRand32) {
        try {
            return (int) schnorrsig_sign32.invokeExact(ctx, sig64, msg32, keypair, auxRand32);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_schnorrsig_verify(const secp256k1_context *ctx, const unsigned char *sig64,
     *     const unsigned char *msg, size_t msglen, const secp256k1_xonly_pubkey *pubkey);
     * }
     */
    public int secp256k1_schnorrsig_verify(MemorySegment ctx, MemorySegment sig64, MemorySegment msg, long msglen,
            MemorySegment pubkey) {
        try {
            return (int) schnorrsig_verify.invokeExact(ctx, sig64, msg, msglen, pubkey);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * {@snippet lang=c :
     * int secp256k1_schnorrsig_sign_custom(const secp256k1_context *ctx, unsigned char *sig64,
     *     const unsigned char *msg, size_t msglen, const secp256k1_keypair *keypair,
     *     secp256k1_schnorrsig_extraparams *extraparams);
     * }
     */
    public int secp256k1_schnorrsig_sign_custom(MemorySegment ctx, MemorySegment sig64, MemorySegment msg,
            long msglen, MemorySegment keypair, MemorySegment extraparams) {
        try {
            return (int) schnorrsig_sign_custom.invokeExact(ctx, sig64, msg, msglen, keypair, extraparams);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new AssertionError("should not reach here", t);
    }
}
