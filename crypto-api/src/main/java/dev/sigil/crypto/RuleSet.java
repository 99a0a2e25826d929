package dev.sigil.crypto;

import java.util.Arrays;
import java.util.Optional;

/**
 * A named verification rule set. Every backend applies the same rule set so that every machine gives the same answer.
 *
 * <ul>
 *   <li>{@link #STANDARD}: SEC1 / GB/T 32918 / RFC 8032: r, s in [1, n-1], high S accepted, strict DER, canonical
 *       Ed25519 encodings and S &lt; L.</li>
 *   <li>{@link #LOW_S}: as standard, and an ECDSA signature with s &gt; n/2 is invalid (BIP-146, EIP-2, Fabric).
 *       Does not change SM2 or Ed25519.</li>
 * </ul>
 */
public enum RuleSet {
    STANDARD("standard"),
    LOW_S("low-s");

    private final String wireName;

    RuleSet(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** True when this rule set makes an ECDSA signature with s &gt; n/2 invalid for the given scheme. */
    public boolean rejectsHighS(Scheme scheme) {
        return this == LOW_S && scheme.isEcdsa();
    }

    public static Optional<RuleSet> fromWire(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
