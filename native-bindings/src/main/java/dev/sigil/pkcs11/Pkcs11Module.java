package dev.sigil.pkcs11;

import static dev.sigil.pkcs11.Pkcs11Exception.check;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKF_OS_LOCKING_OK;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_CRYPTOKI_ALREADY_INITIALIZED;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_OK;

import dev.sigil.pkcs11.gen.CK_C_CloseAllSessions;
import dev.sigil.pkcs11.gen.CK_C_CloseSession;
import dev.sigil.pkcs11.gen.CK_C_Finalize;
import dev.sigil.pkcs11.gen.CK_C_GetFunctionList;
import dev.sigil.pkcs11.gen.CK_C_GetInfo;
import dev.sigil.pkcs11.gen.CK_C_GetInterface;
import dev.sigil.pkcs11.gen.CK_C_GetMechanismList;
import dev.sigil.pkcs11.gen.CK_C_GetSessionInfo;
import dev.sigil.pkcs11.gen.CK_C_GetSlotInfo;
import dev.sigil.pkcs11.gen.CK_C_GetSlotList;
import dev.sigil.pkcs11.gen.CK_C_GetTokenInfo;
import dev.sigil.pkcs11.gen.CK_C_INITIALIZE_ARGS;
import dev.sigil.pkcs11.gen.CK_C_Initialize;
import dev.sigil.pkcs11.gen.CK_C_Login;
import dev.sigil.pkcs11.gen.CK_C_Logout;
import dev.sigil.pkcs11.gen.CK_C_OpenSession;
import dev.sigil.pkcs11.gen.CK_FUNCTION_LIST;
import dev.sigil.pkcs11.gen.CK_INFO;
import dev.sigil.pkcs11.gen.CK_INTERFACE;
import dev.sigil.pkcs11.gen.CK_SESSION_INFO;
import dev.sigil.pkcs11.gen.CK_SLOT_INFO;
import dev.sigil.pkcs11.gen.CK_TOKEN_INFO;
import dev.sigil.pkcs11.gen.CK_VERSION;
import dev.sigil.pkcs11.gen.pkcs11_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A loaded and initialized PKCS #11 module. Owns the arena the library is loaded into; {@link #close()} calls
 * {@code C_Finalize} (when this instance initialized the module) and unloads it. Thread-safe: the module is
 * initialized with {@code CKF_OS_LOCKING_OK} and every call allocates its native memory in its own confined arena.
 * Object-level operations (keys, signing) are in {@link Pkcs11Objects}, reached through {@link #objects()}.
 */
public final class Pkcs11Module implements AutoCloseable {
    private final Arena arena;
    private final MemorySegment functions;
    private final boolean initializedHere;
    private final ModuleInfo info;
    private final Pkcs11Objects objects;
    private volatile boolean closed;

    private Pkcs11Module(Arena arena, MemorySegment functions, boolean initializedHere, int[] listVersion) {
        this.arena = arena;
        // The function list lives in the library's memory: scoped to the arena, it is unreadable once unloaded.
        this.functions = functions.reinterpret(arena, null);
        this.initializedHere = initializedHere;
        this.objects = new Pkcs11Objects(this.functions, arena);
        this.info = readInfo(listVersion);
    }

    /**
     * Loads the library at {@code path}, finds its function list ({@code C_GetInterface} when the module offers it,
     * else {@code C_GetFunctionList}) and calls {@code C_Initialize} with OS locking. A module another handle in
     * this process already initialized is used as it is, and not finalized by this handle.
     *
     * @throws ModuleLoadException when the library cannot be loaded
     * @throws Pkcs11Exception when the module refuses to initialize
     */
    public static Pkcs11Module open(Path path) {
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lookup = loadLibrary(path, arena);
            int[] listVersion = new int[2];
            MemorySegment functions = functionList(lookup, path, listVersion);
            boolean initializedHere = initialize(functions);
            return new Pkcs11Module(arena, functions, initializedHere, listVersion);
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private static SymbolLookup loadLibrary(Path path, Arena arena) {
        try {
            return SymbolLookup.libraryLookup(path, arena);
        } catch (IllegalArgumentException e) {
            throw new ModuleLoadException("cannot load the PKCS #11 library " + path, e);
        }
    }

    private static MemorySegment functionList(SymbolLookup lookup, Path path, int[] version) {
        MemorySegment list = lookup.find(pkcs11_h.C_GetInterface$NAME)
                .flatMap(Pkcs11Module::viaInterface)
                .orElseGet(() -> viaFunctionList(lookup, path));
        MemorySegment struct = CK_FUNCTION_LIST.reinterpret(list);
        MemorySegment v = CK_FUNCTION_LIST.version(struct);
        version[0] = Byte.toUnsignedInt(CK_VERSION.major(v));
        version[1] = Byte.toUnsignedInt(CK_VERSION.minor(v));
        return struct;
    }

    private static Optional<MemorySegment> viaInterface(MemorySegment getInterface) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment name = call.allocateFrom("PKCS 11");
            MemorySegment out = call.allocate(ValueLayout.ADDRESS);
            long rv = CK_C_GetInterface.invoke(getInterface, name, MemorySegment.NULL, out, 0L);
            MemorySegment iface = out.get(ValueLayout.ADDRESS, 0);
            if (rv != CKR_OK() || iface.equals(MemorySegment.NULL)) {
                return Optional.empty();
            }
            MemorySegment list = CK_INTERFACE.pFunctionList(CK_INTERFACE.reinterpret(iface));
            return list.equals(MemorySegment.NULL) ? Optional.empty() : Optional.of(list);
        }
    }

    private static MemorySegment viaFunctionList(SymbolLookup lookup, Path path) {
        MemorySegment getList = lookup.find(pkcs11_h.C_GetFunctionList$NAME).orElseThrow(() ->
                new ModuleLoadException(path + " exports neither C_GetInterface nor C_GetFunctionList", null));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(ValueLayout.ADDRESS);
            check(CK_C_GetFunctionList.invoke(getList, out), "C_GetFunctionList");
            return out.get(ValueLayout.ADDRESS, 0);
        }
    }

    private static boolean initialize(MemorySegment functions) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment args = CK_C_INITIALIZE_ARGS.allocate(call);
            CK_C_INITIALIZE_ARGS.flags(args, CKF_OS_LOCKING_OK());
            long rv = CK_C_Initialize.invoke(CK_FUNCTION_LIST.C_Initialize(functions), args);
            if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED()) {
                return false;
            }
            check(rv, "C_Initialize");
            return true;
        }
    }

    private ModuleInfo readInfo(int[] listVersion) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ci = CK_INFO.allocate(call);
            check(CK_C_GetInfo.invoke(bound(CK_FUNCTION_LIST.C_GetInfo(functions)), ci), "C_GetInfo");
            MemorySegment v = CK_INFO.cryptokiVersion(ci);
            return new ModuleInfo(text(CK_INFO.manufacturerID(ci)), text(CK_INFO.libraryDescription(ci)),
                    Byte.toUnsignedInt(CK_VERSION.major(v)), Byte.toUnsignedInt(CK_VERSION.minor(v)),
                    listVersion[0], listVersion[1]);
        }
    }

    public ModuleInfo info() {
        return info;
    }

    /** Object, key and signing operations on sessions of this module. */
    public Pkcs11Objects objects() {
        ensureOpen();
        return objects;
    }

    /** The slots, all or only those with a token present. */
    public List<SlotId> slots(boolean tokenPresent) {
        ensureOpen();
        MemorySegment fn = bound(CK_FUNCTION_LIST.C_GetSlotList(functions));
        byte present = (byte) (tokenPresent ? 1 : 0);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(ValueLayout.JAVA_LONG);
            check(CK_C_GetSlotList.invoke(fn, present, MemorySegment.NULL, count), "C_GetSlotList");
            long n = count.get(ValueLayout.JAVA_LONG, 0);
            MemorySegment ids = call.allocate(ValueLayout.JAVA_LONG, Math.max(1, n));
            check(CK_C_GetSlotList.invoke(fn, present, ids, count), "C_GetSlotList");
            n = count.get(ValueLayout.JAVA_LONG, 0);
            List<SlotId> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(new SlotId(ids.getAtIndex(ValueLayout.JAVA_LONG, i)));
            }
            return out;
        }
    }

    /** True when the slot reports a token present. */
    public boolean tokenPresent(SlotId slot) {
        ensureOpen();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment si = CK_SLOT_INFO.allocate(call);
            check(CK_C_GetSlotInfo.invoke(bound(CK_FUNCTION_LIST.C_GetSlotInfo(functions)), slot.value(), si),
                    "C_GetSlotInfo");
            return (CK_SLOT_INFO.flags(si) & pkcs11_h.CKF_TOKEN_PRESENT()) != 0;
        }
    }

    public TokenInfo tokenInfo(SlotId slot) {
        ensureOpen();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ti = CK_TOKEN_INFO.allocate(call);
            check(CK_C_GetTokenInfo.invoke(bound(CK_FUNCTION_LIST.C_GetTokenInfo(functions)), slot.value(), ti),
                    "C_GetTokenInfo");
            return new TokenInfo(text(CK_TOKEN_INFO.label(ti)), text(CK_TOKEN_INFO.manufacturerID(ti)),
                    text(CK_TOKEN_INFO.model(ti)), text(CK_TOKEN_INFO.serialNumber(ti)), CK_TOKEN_INFO.flags(ti));
        }
    }

    /** The slot holding the token with this label, if a present token has it. */
    public Optional<SlotId> findToken(String label) {
        for (SlotId slot : slots(true)) {
            if (tokenInfo(slot).label().equals(label)) {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    /** The mechanism types the token in the slot offers. */
    public long[] mechanisms(SlotId slot) {
        ensureOpen();
        MemorySegment fn = bound(CK_FUNCTION_LIST.C_GetMechanismList(functions));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment count = call.allocate(ValueLayout.JAVA_LONG);
            check(CK_C_GetMechanismList.invoke(fn, slot.value(), MemorySegment.NULL, count), "C_GetMechanismList");
            MemorySegment list = call.allocate(ValueLayout.JAVA_LONG, Math.max(1, count.get(ValueLayout.JAVA_LONG, 0)));
            check(CK_C_GetMechanismList.invoke(fn, slot.value(), list, count), "C_GetMechanismList");
            long n = count.get(ValueLayout.JAVA_LONG, 0);
            return list.asSlice(0, n * Long.BYTES).toArray(ValueLayout.JAVA_LONG);
        }
    }

    /** Opens a serial session on the slot, read-write or read-only. */
    public SessionHandle openSession(SlotId slot, boolean readWrite) {
        ensureOpen();
        long flags = pkcs11_h.CKF_SERIAL_SESSION() | (readWrite ? pkcs11_h.CKF_RW_SESSION() : 0);
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(ValueLayout.JAVA_LONG);
            check(CK_C_OpenSession.invoke(bound(CK_FUNCTION_LIST.C_OpenSession(functions)), slot.value(), flags,
                    MemorySegment.NULL, MemorySegment.NULL, out), "C_OpenSession");
            return new SessionHandle(out.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    public void closeSession(SessionHandle session) {
        ensureOpen();
        check(CK_C_CloseSession.invoke(bound(CK_FUNCTION_LIST.C_CloseSession(functions)), session.value()),
                "C_CloseSession");
    }

    /** Closes every session of this application on the slot (which also logs the application out). */
    public void closeAllSessions(SlotId slot) {
        ensureOpen();
        check(CK_C_CloseAllSessions.invoke(bound(CK_FUNCTION_LIST.C_CloseAllSessions(functions)), slot.value()),
                "C_CloseAllSessions");
    }

    public SessionInfo sessionInfo(SessionHandle session) {
        ensureOpen();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment si = CK_SESSION_INFO.allocate(call);
            check(CK_C_GetSessionInfo.invoke(bound(CK_FUNCTION_LIST.C_GetSessionInfo(functions)), session.value(), si),
                    "C_GetSessionInfo");
            return new SessionInfo(new SlotId(CK_SESSION_INFO.slotID(si)), CK_SESSION_INFO.state(si),
                    CK_SESSION_INFO.flags(si), CK_SESSION_INFO.ulDeviceError(si));
        }
    }

    /**
     * Logs the application in as {@code userType} with the PIN's UTF-8 bytes. The native copy of the PIN is
     * overwritten before this returns; the caller overwrites its array.
     */
    public void login(SessionHandle session, long userType, byte[] pin) {
        ensureOpen();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment p = call.allocate(Math.max(1, pin.length));
            MemorySegment.copy(pin, 0, p, ValueLayout.JAVA_BYTE, 0, pin.length);
            try {
                check(CK_C_Login.invoke(bound(CK_FUNCTION_LIST.C_Login(functions)), session.value(), userType, p,
                        pin.length), "C_Login");
            } finally {
                p.fill((byte) 0);
            }
        }
    }

    public void logout(SessionHandle session) {
        ensureOpen();
        check(CK_C_Logout.invoke(bound(CK_FUNCTION_LIST.C_Logout(functions)), session.value()), "C_Logout");
    }

    /** Finalizes the module (if this handle initialized it) and unloads the library. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (initializedHere) {
                check(CK_C_Finalize.invoke(bound(CK_FUNCTION_LIST.C_Finalize(functions)), MemorySegment.NULL),
                        "C_Finalize");
            }
        } finally {
            arena.close();
        }
    }

    /**
     * The function pointer, scoped to the arena the library lives in: a call through it keeps the arena (and so the
     * library) alive while it runs, and fails with {@link IllegalStateException} once the module is closed instead
     * of jumping into unloaded code.
     */
    private MemorySegment bound(MemorySegment function) {
        return function.reinterpret(arena, null);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the PKCS #11 module is closed");
        }
    }

    /** A blank-padded fixed-length CK_UTF8CHAR field as a trimmed string. */
    static String text(MemorySegment field) {
        return new String(field.toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8).strip();
    }
}
