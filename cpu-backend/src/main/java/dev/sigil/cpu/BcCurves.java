package dev.sigil.cpu;

import dev.sigil.crypto.EcArithmetic;
import dev.sigil.crypto.EcPublicKey;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** Keys as Bouncy Castle parameters, on the domains of {@link EcArithmetic}. */
final class BcCurves {
    private BcCurves() {
    }

    /** The key as Bouncy Castle parameters; the point is already validated by crypto-api. */
    static ECPublicKeyParameters toParams(EcPublicKey key) {
        ECDomainParameters d = EcArithmetic.domain(key.curve());
        return new ECPublicKeyParameters(d.getCurve().createPoint(key.x(), key.y()), d);
    }
}
