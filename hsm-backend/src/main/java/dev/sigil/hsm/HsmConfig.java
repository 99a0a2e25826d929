package dev.sigil.hsm;

import dev.sigil.crypto.Scheme;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code hsm:} section of the service configuration, typed and checked.
 *
 * <pre>
 * hsm:
 *   module: /usr/lib/softhsm/libsofthsm2.so   # the PKCS #11 library (required)
 *   tokenLabel: sigil                          # label of the token to use (required)
 *   pin: env:SIGIL_HSM_PIN                     # or file:/run/secrets/hsm-pin; literal PINs are refused (required)
 *   sessions: 8                                # session pool size (default 2 x cores)
 *   mechanisms:                                # scheme -> mechanism code, overriding the standard ones
 *     sm2: 0x80000000                          #   (SM2 has no standard mechanism: set the vendor's)
 *   verify: false                              # also verify through the token (default false)
 *   sessionKeyCopies: false                    # sign with per-session in-token copies of keys (default false)
 * </pre>
 *
 * @param mechanisms explicit mechanism codes per scheme; schemes not named use the PKCS #11 standard mechanism
 * @param sessionKeyCopies whether each session signs with its own in-token session copy of a key
 *     ({@code C_CopyObject}, see {@code SessionKeyCopies}), which lets tokens that serialise token-object use (such
 *     as SoftHSM2) sign in parallel. Off by default: a session object lives only as long as its session, and a module
 *     may not survive another handle of the process closing that session while a signature with it runs
 */
public record HsmConfig(Path module, String tokenLabel, PinSource pin, int sessions, Map<Scheme, Long> mechanisms,
        boolean verify, boolean sessionKeyCopies) {
    /** The fields of the section. */
    public static final List<String> FIELDS = List.of("module", "tokenLabel", "pin", "sessions", "mechanisms",
            "verify", "sessionKeyCopies");
    static final int MAX_SESSIONS = 1024;

    public HsmConfig {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(tokenLabel, "tokenLabel");
        Objects.requireNonNull(pin, "pin");
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("hsm.sessions must be between 1 and " + MAX_SESSIONS);
        }
        Map<Scheme, Long> copy = new EnumMap<>(Scheme.class);
        copy.putAll(mechanisms);
        mechanisms = Collections.unmodifiableMap(copy);
    }

    /** The default pool size: two sessions per core. */
    public static int defaultSessions() {
        return 2 * Runtime.getRuntime().availableProcessors();
    }

    /**
     * Parses the section as the YAML loader gives it.
     *
     * @throws IllegalArgumentException naming the field, for an unknown field, a missing required one or a bad value
     */
    public static HsmConfig parse(Map<String, Object> section) {
        for (String key : section.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new IllegalArgumentException("unknown field hsm." + key + " (known: " + String.join(", ", FIELDS)
                        + ")");
            }
        }
        Path module = Path.of(requiredString(section, "module"));
        String label = requiredString(section, "tokenLabel");
        Object pinValue = section.get("pin");
        if (!(pinValue instanceof String pinRef) || pinRef.isBlank()) {
            throw new IllegalArgumentException("hsm.pin is required: env:NAME or file:/path");
        }
        PinSource pin = PinSource.parse("hsm.pin", pinRef);
        int sessions = section.containsKey("sessions") ? integer("sessions", section.get("sessions"))
                : defaultSessions();
        if (sessions < 1 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("hsm.sessions must be between 1 and " + MAX_SESSIONS + ", got "
                    + sessions);
        }
        Map<Scheme, Long> mechanisms = mechanisms(section.get("mechanisms"));
        boolean verify = section.containsKey("verify") && bool("verify", section.get("verify"));
        boolean copies = section.containsKey("sessionKeyCopies") && bool("sessionKeyCopies",
                section.get("sessionKeyCopies"));
        return new HsmConfig(module, label, pin, sessions, mechanisms, verify, copies);
    }

    private static String requiredString(Map<String, Object> section, String field) {
        Object v = section.get(field);
        if (v == null) {
            throw new IllegalArgumentException("hsm." + field + " is required");
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("hsm." + field + " must be a non-empty string");
        }
        return s;
    }

    private static int integer(String field, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            long n = ((Number) v).longValue();
            if (n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
                return (int) n;
            }
        }
        if (v instanceof String s && s.strip().matches("[0-9]{1,9}")) {
            return Integer.parseInt(s.strip());
        }
        throw new IllegalArgumentException("hsm." + field + " must be an integer, got " + describe(v));
    }

    private static boolean bool(String field, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("hsm." + field + " must be true or false, got " + describe(v));
    }

    private static Map<Scheme, Long> mechanisms(Object v) {
        Map<Scheme, Long> out = new EnumMap<>(Scheme.class);
        if (v == null) {
            return out;
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("hsm.mechanisms must be a map of scheme to mechanism code");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String name = String.valueOf(e.getKey());
            Scheme scheme = Scheme.fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                    "hsm.mechanisms." + name + ": unknown scheme (known: ecdsa-secp256k1, ecdsa-p256, sm2, ed25519)"));
            if (scheme == Scheme.SCHNORR_SECP256K1) {
                throw new IllegalArgumentException("hsm.mechanisms." + name
                        + ": PKCS #11 has no BIP-340 mechanism; schnorr-secp256k1 keys are software keys");
            }
            out.put(scheme, mechanismCode("hsm.mechanisms." + name, e.getValue()));
        }
        return out;
    }

    /** A CK_MECHANISM_TYPE: a non-negative integer below 2^32, given as a number, "0x..." or decimal string. */
    static long mechanismCode(String field, Object v) {
        long code;
        if (v instanceof Integer || v instanceof Long) {
            code = ((Number) v).longValue();
        } else if (v instanceof java.math.BigInteger b && b.bitLength() <= 32) {
            code = b.longValue();
        } else if (v instanceof String s && s.strip().matches("0[xX][0-9a-fA-F]{1,8}")) {
            code = Long.parseLong(s.strip().substring(2), 16);
        } else if (v instanceof String s && s.strip().matches("[0-9]{1,10}")) {
            code = Long.parseLong(s.strip());
        } else {
            throw new IllegalArgumentException(field + " must be a mechanism code such as 0x80000000, got "
                    + describe(v));
        }
        if (code < 0 || code > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(field + " must be between 0 and 0xFFFFFFFF");
        }
        return code;
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : v instanceof String s ? "\"" + s + "\"" : v.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "HsmConfig[module=" + module + ", tokenLabel=" + tokenLabel + ", pin=" + pin + ", sessions=" + sessions
                + ", mechanisms=" + mechanisms + ", verify=" + verify + ", sessionKeyCopies=" + sessionKeyCopies + "]";
    }
}
