package dev.sigil.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Curve;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The derived GLV constants of secp256k1 split every scalar into two halves that fit the kernel's windows. */
class GlvTest {

    @Test
    void lambdaAndBeta_areCubeRootsOfUnity() {
        Curve c = Curve.SECP256K1;
        assertThat(Glv.LAMBDA.modPow(BigInteger.valueOf(3), c.n())).isEqualTo(BigInteger.ONE);
        assertThat(Glv.LAMBDA).isNotEqualTo(BigInteger.ONE);
        assertThat(Glv.BETA.modPow(BigInteger.valueOf(3), c.p())).isEqualTo(BigInteger.ONE);
        assertThat(Glv.BETA).isNotEqualTo(BigInteger.ONE);
    }

    @Test
    void split_recombinesToK_withHalvesBelow2To134() {
        BigInteger n = Curve.SECP256K1.n();
        Random rnd = new Random(1234);
        List<BigInteger> scalars = new ArrayList<>(List.of(BigInteger.ONE, n.subtract(BigInteger.ONE),
                n.shiftRight(1), n.shiftRight(1).add(BigInteger.ONE), Glv.LAMBDA));
        for (int i = 0; i < 20_000; i++) {
            scalars.add(new BigInteger(256, rnd).mod(n));
        }
        List<String> failures = new ArrayList<>();
        for (BigInteger k : scalars) {
            BigInteger[] s = Glv.split(k);
            boolean recombines = s[0].add(Glv.LAMBDA.multiply(s[1])).mod(n).equals(k);
            if (!recombines || s[0].abs().bitLength() > 129 || s[1].abs().bitLength() > 129) {
                failures.add(k.toString(16) + " -> " + s[0] + ", " + s[1]);
            }
        }
        assertThat(failures).isEmpty();
    }
}
