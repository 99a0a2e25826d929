package dev.sigil.pkcs11.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PKCS #11 module over SoftHSM2 that injects faults, for tests: {@code faulty_pkcs11.c} (a test resource) compiled
 * with gcc the first time it is used in a test JVM. It forwards every call to SoftHSM2, counts the calls to
 * {@code C_GetSlotInfo}, {@code C_GetTokenInfo}, {@code C_GetSessionInfo} and {@code C_Login}, and on request makes
 * {@code C_Login} refuse the PIN without reaching SoftHSM2 (like a token that counts wrong PINs and locks the user PIN
 * after a number of them) or adds flags to what {@code C_GetTokenInfo} reports.
 *
 * <p>The test and the module under test share one copy of the library (the JVM loads a path once), so what the
 * test sets here is what the module sees. Without gcc the calling test fails under {@code CI=true} and is skipped
 * otherwise.
 */
public final class FaultyPkcs11 {
    /** Indices in {@code CK_FUNCTION_LIST} of the counted functions. */
    public static final int C_GET_SLOT_INFO = 5;
    public static final int C_GET_TOKEN_INFO = 6;
    public static final int C_GET_SESSION_INFO = 15;
    public static final int C_LOGIN = 18;

    public static final long CKR_PIN_INCORRECT = 0xA0L;
    public static final long CKR_PIN_EXPIRED = 0xA3L;
    public static final long CKR_PIN_LOCKED = 0xA4L;
    public static final long CKF_USER_PIN_COUNT_LOW = 0x10000L;
    public static final long CKF_USER_PIN_FINAL_TRY = 0x20000L;
    public static final long CKF_USER_PIN_LOCKED = 0x40000L;

    private static FaultyPkcs11 instance;

    private final Path library;
    private final MethodHandle refusePin;
    private final MethodHandle tokenFlags;
    private final MethodHandle calls;
    private final MethodHandle reset;

    private FaultyPkcs11(Path library) {
        this.library = library;
        SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
        Linker linker = Linker.nativeLinker();
        refusePin = linker.downcallHandle(lookup.findOrThrow("faulty_refuse_pin"),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG));
        tokenFlags = linker.downcallHandle(lookup.findOrThrow("faulty_token_flags"),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_LONG));
        calls = linker.downcallHandle(lookup.findOrThrow("faulty_calls"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
        reset = linker.downcallHandle(lookup.findOrThrow("faulty_reset"), FunctionDescriptor.ofVoid());
    }

    /** The module of this JVM, built on first use over the SoftHSM2 library of {@link SoftHsm#get()}. */
    public static synchronized FaultyPkcs11 get() {
        if (instance == null) {
            SoftHsm hsm = SoftHsm.get();
            instance = new FaultyPkcs11(build(hsm.library(), hsm.configuration().resolveSibling("faulty-pkcs11")));
        }
        return instance;
    }

    /** The path of the module, to configure as {@code hsm.module}. */
    public Path library() {
        return library;
    }

    /**
     * From now on {@code C_Login} answers {@code rv} without reaching SoftHSM2. For {@code CKR_PIN_INCORRECT} the
     * token counts: after the first wrong PIN it reports {@code CKF_USER_PIN_COUNT_LOW}, with one try left
     * {@code CKF_USER_PIN_FINAL_TRY}, after {@code tries} wrong PINs {@code CKF_USER_PIN_LOCKED}, and then answers
     * {@code CKR_PIN_LOCKED}.
     */
    public void refusePin(long rv, int tries) {
        invoke(refusePin, rv, (long) tries);
    }

    /** Adds these flags to every {@code C_GetTokenInfo} answer (replacing what was added before). */
    public void tokenFlags(long flags) {
        invoke(tokenFlags, flags);
    }

    /** How many times the function at {@code index} was called since the last {@link #reset()}. */
    public long calls(int index) {
        try {
            return (long) calls.invokeExact(index);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Plain forwarding again, counters at zero. */
    public void reset() {
        invoke(reset);
    }

    private static void invoke(MethodHandle h, Object... args) {
        try {
            h.invokeWithArguments(args);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Path build(Path target, Path dir) {
        SoftHsm.require(onPath("gcc"), "gcc is not on the PATH: the fault-injecting PKCS #11 module is built with it");
        try {
            Files.createDirectories(dir);
            Path source = dir.resolve("faulty_pkcs11.c");
            try (InputStream in = FaultyPkcs11.class.getResourceAsStream("faulty_pkcs11.c")) {
                if (in == null) {
                    throw new IllegalStateException("faulty_pkcs11.c is missing from the test resources");
                }
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
            Path out = dir.resolve("libfaulty-pkcs11-" + ProcessHandle.current().pid() + ".so");
            Path log = dir.resolve("gcc.log");
            Process p = new ProcessBuilder(List.of("gcc", "-shared", "-fPIC", "-O1", "-Wall", "-o", out.toString(),
                    source.toString(), "-DTARGET_MODULE=\"" + target + "\"", "-ldl", "-lpthread"))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("gcc did not finish");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("gcc failed: " + Files.readString(log));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the fault-injecting PKCS #11 module in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
