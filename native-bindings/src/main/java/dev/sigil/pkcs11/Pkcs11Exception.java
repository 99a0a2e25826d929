package dev.sigil.pkcs11;

import dev.sigil.pkcs11.gen.pkcs11_h;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * A PKCS #11 function returned something other than {@code CKR_OK}. Carries the return value and its symbolic name
 * ({@code CKR_PIN_INCORRECT}, ...) and, for the values Sigil tells apart, a {@link ReturnValue}. {@link #check} is the
 * one place where return values become exceptions.
 */
public final class Pkcs11Exception extends RuntimeException {
    private static final Map<Long, String> NAMES = names();

    private final long rv;
    private final String function;

    private Pkcs11Exception(long rv, String function) {
        super(function + " failed: " + nameOf(rv));
        this.rv = rv;
        this.function = function;
    }

    /** Returns normally for {@code CKR_OK}, throws otherwise. */
    public static void check(long rv, String function) {
        if (rv != pkcs11_h.CKR_OK()) {
            throw new Pkcs11Exception(rv, function);
        }
    }

    /** The {@code CK_RV} value. */
    public long rv() {
        return rv;
    }

    /** The return value as a {@link ReturnValue}; {@link ReturnValue#UNKNOWN} for one not listed there. */
    public ReturnValue returnValue() {
        return ReturnValue.of(rv);
    }

    /** The symbolic name of the return value, e.g. {@code CKR_PIN_INCORRECT}. */
    public String name() {
        return nameOf(rv);
    }

    /** The PKCS #11 function that failed, e.g. {@code C_Login}. */
    public String function() {
        return function;
    }

    /** The symbolic name of a return value; vendor and unknown values are shown in hex. */
    public static String nameOf(long rv) {
        String name = NAMES.get(rv);
        if (name != null) {
            return name;
        }
        String hex = "0x" + Long.toHexString(rv);
        return Long.compareUnsigned(rv, pkcs11_h.CKR_VENDOR_DEFINED()) >= 0 ? "CKR_VENDOR_DEFINED+" + hex : hex;
    }

    private static Map<Long, String> names() {
        Map<Long, String> out = new HashMap<>();
        for (Method m : pkcs11_h.class.getDeclaredMethods()) {
            if (m.getName().startsWith("CKR_") && m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers())
                    && !m.getName().equals("CKR_VENDOR_DEFINED")) {
                try {
                    out.putIfAbsent((Long) m.invoke(null), m.getName());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + m.getName(), e);
                }
            }
        }
        return Map.copyOf(out);
    }
}
