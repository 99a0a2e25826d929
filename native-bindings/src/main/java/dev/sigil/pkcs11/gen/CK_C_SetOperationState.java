// Written by hand in the shape jextract (JDK 22+) gives for pkcs11.h (OASIS PKCS #11 v2.40 errata 01, with the
// CK_INTERFACE / C_GetInterface additions of v3.0), Linux x86-64 and aarch64 (LP64: CK_ULONG is 64 bits, no packing).
// Not generated: headers and symbols are in native-bindings/jextract/; regenerate.sh compares with jextract's output.

package dev.sigil.pkcs11.gen;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * {@snippet lang=c :
 * typedef CK_RV (*CK_C_SetOperationState)(...)
 * }
 */
public final class CK_C_SetOperationState {

    private CK_C_SetOperationState() {
    }

    /** The function pointer type. */
    public interface Function {
        long apply(long hSession, MemorySegment pOperationState, long ulOperationStateLen, long hEncryptionKey, long hAuthenticationKey);
    }

    private static final FunctionDescriptor $DESC = FunctionDescriptor.of(
            pkcs11_h.C_LONG,
            pkcs11_h.C_LONG,
            pkcs11_h.C_POINTER,
            pkcs11_h.C_LONG,
            pkcs11_h.C_LONG,
            pkcs11_h.C_LONG);

    /** The descriptor of this function pointer type. */
    public static FunctionDescriptor descriptor() {
        return $DESC;
    }

    private static final MethodHandle DOWN$MH = Linker.nativeLinker().downcallHandle($DESC);

    /** Invokes the function at {@code funcPtr}. */
    public static long invoke(MemorySegment funcPtr, long hSession, MemorySegment pOperationState, long ulOperationStateLen, long hEncryptionKey, long hAuthenticationKey) {
        try {
            return (long) DOWN$MH.invokeExact(funcPtr, hSession, pOperationState, ulOperationStateLen, hEncryptionKey, hAuthenticationKey);
        } catch (Error | RuntimeException ex$) {
            throw ex$;
        } catch (Throwable ex$) {
            throw new AssertionError("should not reach here", ex$);
        }
    }
}
