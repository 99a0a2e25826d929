package dev.sigil.pkcs11;

import static dev.sigil.pkcs11.Pkcs11Exception.check;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_ATTRIBUTE_SENSITIVE;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_ATTRIBUTE_TYPE_INVALID;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_BUFFER_TOO_SMALL;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_OK;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_SIGNATURE_INVALID;
import static dev.sigil.pkcs11.gen.pkcs11_h.CKR_SIGNATURE_LEN_RANGE;
import static dev.sigil.pkcs11.gen.pkcs11_h.CK_UNAVAILABLE_INFORMATION;

import dev.sigil.pkcs11.gen.CK_ATTRIBUTE;
import dev.sigil.pkcs11.gen.CK_C_CopyObject;
import dev.sigil.pkcs11.gen.CK_C_CreateObject;
import dev.sigil.pkcs11.gen.CK_C_DestroyObject;
import dev.sigil.pkcs11.gen.CK_C_FindObjects;
import dev.sigil.pkcs11.gen.CK_C_FindObjectsFinal;
import dev.sigil.pkcs11.gen.CK_C_FindObjectsInit;
import dev.sigil.pkcs11.gen.CK_C_GenerateKeyPair;
import dev.sigil.pkcs11.gen.CK_C_GetAttributeValue;
import dev.sigil.pkcs11.gen.CK_C_Sign;
import dev.sigil.pkcs11.gen.CK_C_SignInit;
import dev.sigil.pkcs11.gen.CK_C_Verify;
import dev.sigil.pkcs11.gen.CK_C_VerifyInit;
import dev.sigil.pkcs11.gen.CK_FUNCTION_LIST;
import dev.sigil.pkcs11.gen.CK_MECHANISM;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects, keys and signatures on the sessions of one module. Obtained from {@link Pkcs11Module#objects()}; valid
 * while the module is open. Every call allocates in its own confined arena.
 */
public final class Pkcs11Objects {
    private static final int FIND_BATCH = 64;
    private static final int SIGNATURE_BUFFER = 256;

    private final MemorySegment functions;
    private final Arena module;

    Pkcs11Objects(MemorySegment functions, Arena module) {
        this.functions = functions;
        this.module = module;
    }

    /** The function pointer, scoped to the module's arena: unusable once the module is closed. */
    private MemorySegment bound(MemorySegment function) {
        return function.reinterpret(module, null);
    }

    /** Every object matching the template. */
    public List<ObjectHandle> find(SessionHandle session, List<Attribute> template) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment t = template(call, template);
            check(CK_C_FindObjectsInit.invoke(bound(CK_FUNCTION_LIST.C_FindObjectsInit(functions)), session.value(), t,
                    template.size()), "C_FindObjectsInit");
            List<ObjectHandle> out = new ArrayList<>();
            try {
                MemorySegment handles = call.allocate(ValueLayout.JAVA_LONG, FIND_BATCH);
                MemorySegment count = call.allocate(ValueLayout.JAVA_LONG);
                long n;
                do {
                    check(CK_C_FindObjects.invoke(bound(CK_FUNCTION_LIST.C_FindObjects(functions)), session.value(),
                            handles, FIND_BATCH, count), "C_FindObjects");
                    n = count.get(ValueLayout.JAVA_LONG, 0);
                    for (long i = 0; i < n; i++) {
                        out.add(new ObjectHandle(handles.getAtIndex(ValueLayout.JAVA_LONG, i)));
                    }
                } while (n == FIND_BATCH);
            } finally {
                check(CK_C_FindObjectsFinal.invoke(bound(CK_FUNCTION_LIST.C_FindObjectsFinal(functions)),
                        session.value()),
                        "C_FindObjectsFinal");
            }
            return out;
        }
    }

    /**
     * Reads attributes of an object. The map holds, in request order, the attributes the object has and reveals;
     * sensitive or absent ones are left out.
     */
    public Map<Long, byte[]> attributes(SessionHandle session, ObjectHandle object, long... types) {
        MemorySegment fn = bound(CK_FUNCTION_LIST.C_GetAttributeValue(functions));
        try (Arena call = Arena.ofConfined()) {
            MemorySegment t = CK_ATTRIBUTE.allocateArray(types.length, call);
            for (int i = 0; i < types.length; i++) {
                CK_ATTRIBUTE.type(CK_ATTRIBUTE.asSlice(t, i), types[i]);
            }
            long rv = CK_C_GetAttributeValue.invoke(fn, session.value(), object.value(), t, types.length);
            if (rv != CKR_ATTRIBUTE_SENSITIVE() && rv != CKR_ATTRIBUTE_TYPE_INVALID()) {
                check(rv, "C_GetAttributeValue");
            }
            for (int i = 0; i < types.length; i++) {
                MemorySegment a = CK_ATTRIBUTE.asSlice(t, i);
                long len = CK_ATTRIBUTE.ulValueLen(a);
                boolean available = len != CK_UNAVAILABLE_INFORMATION() && len > 0;
                CK_ATTRIBUTE.pValue(a, available ? call.allocate(len) : MemorySegment.NULL);
                CK_ATTRIBUTE.ulValueLen(a, available ? len : 0);
            }
            rv = CK_C_GetAttributeValue.invoke(fn, session.value(), object.value(), t, types.length);
            if (rv != CKR_ATTRIBUTE_SENSITIVE() && rv != CKR_ATTRIBUTE_TYPE_INVALID()) {
                check(rv, "C_GetAttributeValue");
            }
            return collect(t, types);
        }
    }

    private static Map<Long, byte[]> collect(MemorySegment t, long[] types) {
        Map<Long, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < types.length; i++) {
            MemorySegment a = CK_ATTRIBUTE.asSlice(t, i);
            long len = CK_ATTRIBUTE.ulValueLen(a);
            MemorySegment p = CK_ATTRIBUTE.pValue(a);
            if (len != CK_UNAVAILABLE_INFORMATION() && !p.equals(MemorySegment.NULL)) {
                out.put(types[i], p.reinterpret(len).toArray(ValueLayout.JAVA_BYTE));
            } else if (len == 0 && p.equals(MemorySegment.NULL)) {
                out.put(types[i], new byte[0]);
            }
        }
        return out;
    }

    /** Generates a key pair inside the token. */
    public KeyPairHandles generateKeyPair(SessionHandle session, Mechanism mechanism, List<Attribute> publicTemplate,
            List<Attribute> privateTemplate) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment pub = call.allocate(ValueLayout.JAVA_LONG);
            MemorySegment priv = call.allocate(ValueLayout.JAVA_LONG);
            check(CK_C_GenerateKeyPair.invoke(bound(CK_FUNCTION_LIST.C_GenerateKeyPair(functions)), session.value(),
                    mechanism(call, mechanism), template(call, publicTemplate), publicTemplate.size(),
                    template(call, privateTemplate), privateTemplate.size(), pub, priv), "C_GenerateKeyPair");
            return new KeyPairHandles(new ObjectHandle(pub.get(ValueLayout.JAVA_LONG, 0)),
                    new ObjectHandle(priv.get(ValueLayout.JAVA_LONG, 0)));
        }
    }

    /** Creates an object (for instance a session public key to verify with). */
    public ObjectHandle create(SessionHandle session, List<Attribute> template) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(ValueLayout.JAVA_LONG);
            check(CK_C_CreateObject.invoke(bound(CK_FUNCTION_LIST.C_CreateObject(functions)), session.value(),
                    template(call, template), template.size(), out), "C_CreateObject");
            return new ObjectHandle(out.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    /**
     * Copies an object, with the template's attributes changed ({@code C_CopyObject}); for instance a token key into
     * a session object. A sensitive, non-extractable key stays so in its copy.
     */
    public ObjectHandle copy(SessionHandle session, ObjectHandle object, List<Attribute> template) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment out = call.allocate(ValueLayout.JAVA_LONG);
            check(CK_C_CopyObject.invoke(bound(CK_FUNCTION_LIST.C_CopyObject(functions)), session.value(),
                    object.value(), template(call, template), template.size(), out), "C_CopyObject");
            return new ObjectHandle(out.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    public void destroy(SessionHandle session, ObjectHandle object) {
        check(CK_C_DestroyObject.invoke(bound(CK_FUNCTION_LIST.C_DestroyObject(functions)), session.value(),
                object.value()),
                "C_DestroyObject");
    }

    /** Signs {@code data} in one part ({@code C_SignInit} then {@code C_Sign}). */
    public byte[] sign(SessionHandle session, Mechanism mechanism, ObjectHandle key, byte[] data) {
        try (Arena call = Arena.ofConfined()) {
            check(CK_C_SignInit.invoke(bound(CK_FUNCTION_LIST.C_SignInit(functions)), session.value(),
                    mechanism(call, mechanism), key.value()), "C_SignInit");
            MemorySegment in = bytes(call, data);
            MemorySegment len = call.allocate(ValueLayout.JAVA_LONG);
            len.set(ValueLayout.JAVA_LONG, 0, SIGNATURE_BUFFER);
            MemorySegment out = call.allocate(SIGNATURE_BUFFER);
            MemorySegment fn = bound(CK_FUNCTION_LIST.C_Sign(functions));
            long rv = CK_C_Sign.invoke(fn, session.value(), in, data.length, out, len);
            if (rv == CKR_BUFFER_TOO_SMALL()) {
                out = call.allocate(len.get(ValueLayout.JAVA_LONG, 0));
                rv = CK_C_Sign.invoke(fn, session.value(), in, data.length, out, len);
            }
            check(rv, "C_Sign");
            return out.asSlice(0, len.get(ValueLayout.JAVA_LONG, 0)).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * Verifies a signature in one part. A signature that does not verify ({@code CKR_SIGNATURE_INVALID}, or
     * {@code CKR_SIGNATURE_LEN_RANGE}) is {@code false}; other failures throw.
     */
    public boolean verify(SessionHandle session, Mechanism mechanism, ObjectHandle key, byte[] data,
            byte[] signature) {
        try (Arena call = Arena.ofConfined()) {
            check(CK_C_VerifyInit.invoke(bound(CK_FUNCTION_LIST.C_VerifyInit(functions)), session.value(),
                    mechanism(call, mechanism), key.value()), "C_VerifyInit");
            long rv = CK_C_Verify.invoke(bound(CK_FUNCTION_LIST.C_Verify(functions)), session.value(),
                    bytes(call, data), data.length, bytes(call, signature), signature.length);
            if (rv == CKR_SIGNATURE_INVALID() || rv == CKR_SIGNATURE_LEN_RANGE()) {
                return false;
            }
            check(rv, "C_Verify");
            return rv == CKR_OK();
        }
    }

    private static MemorySegment bytes(Arena arena, byte[] data) {
        MemorySegment s = arena.allocate(Math.max(1, data.length));
        MemorySegment.copy(data, 0, s, ValueLayout.JAVA_BYTE, 0, data.length);
        return s;
    }

    private static MemorySegment mechanism(Arena arena, Mechanism mechanism) {
        MemorySegment m = CK_MECHANISM.allocate(arena);
        CK_MECHANISM.mechanism(m, mechanism.type());
        byte[] p = mechanism.parameter();
        if (p != null) {
            CK_MECHANISM.pParameter(m, bytes(arena, p));
            CK_MECHANISM.ulParameterLen(m, p.length);
        }
        return m;
    }

    private static MemorySegment template(Arena arena, List<Attribute> attributes) {
        MemorySegment t = CK_ATTRIBUTE.allocateArray(Math.max(1, attributes.size()), arena);
        for (int i = 0; i < attributes.size(); i++) {
            MemorySegment a = CK_ATTRIBUTE.asSlice(t, i);
            byte[] v = attributes.get(i).value();
            CK_ATTRIBUTE.type(a, attributes.get(i).type());
            CK_ATTRIBUTE.pValue(a, bytes(arena, v));
            CK_ATTRIBUTE.ulValueLen(a, v.length);
        }
        return t;
    }
}
