package dev.sigil.cpu;

import dev.sigil.crypto.Curve;
import dev.sigil.crypto.EcPublicKey;
import java.util.EnumMap;
import java.util.Map;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.math.ec.ECPoint;

/** Bouncy Castle's domain parameters (with its fast custom field arithmetic) for the project's curves. */
final class BcCurves {
    private static final Map<Curve, ECDomainParameters> DOMAINS = new EnumMap<>(Curve.class);

    static {
        for (Curve c : Curve.values()) {
            X9ECParameters x9 = CustomNamedCurves.getByName(c.curveName());
            if (x9 == null || !x9.getN().equals(c.n())) {
                throw new IllegalStateException("Bouncy Castle lacks curve " + c.curveName());
            }
            DOMAINS.put(c, new ECDomainParameters(x9));
        }
    }

    private BcCurves() {
    }

    static ECDomainParameters domain(Curve curve) {
        return DOMAINS.get(curve);
    }

    /** The key as Bouncy Castle parameters; the point is already validated by crypto-api. */
    static ECPublicKeyParameters toParams(EcPublicKey key) {
        ECDomainParameters d = domain(key.curve());
        ECPoint q = d.getCurve().createPoint(key.x(), key.y());
        return new ECPublicKeyParameters(q, d);
    }
}
