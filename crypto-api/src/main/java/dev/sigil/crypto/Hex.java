package dev.sigil.crypto;

import java.util.HexFormat;

/** Strict hex: an even number of {@code [0-9a-fA-F]} characters, no prefix, no whitespace. */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    /** Decodes strict hex, or throws {@link MalformedInputException} with {@link ProblemCode#MALFORMED_HEX}. */
    public static byte[] decode(String field, CharSequence hex) {
        int len = hex.length();
        if ((len & 1) != 0) {
            throw new MalformedInputException(ProblemCode.MALFORMED_HEX, field + " has an odd number of hex digits");
        }
        byte[] out = new byte[len / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0 || hex.charAt(2 * i) > 'f' || hex.charAt(2 * i + 1) > 'f') {
                throw new MalformedInputException(ProblemCode.MALFORMED_HEX, field + " is not hex");
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Lowercase hex of the bytes. */
    public static String encode(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }
}
