package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.testing.AdversarialItems;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The baselines of the bench verify for real: over the bench's own pool (one item in eight tampered) each plain loop
 * counts exactly the untampered items as valid, so a ratio against it compares like with like.
 */
class PlainLoopsTest {
    private static final int SIZE = 96;

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void plainBouncyCastle_countsExactlyTheUntamperedItems(Scheme scheme) {
        BenchPools pools = new BenchPools(SIZE, new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        assertThat(new PlainBouncyCastle(scheme, pools.items(scheme, SIZE)).verify(0, SIZE))
                .isEqualTo(expectedValid(pools, scheme));
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"ECDSA_SECP256K1", "ECDSA_P256", "ED25519", "SCHNORR_SECP256K1"})
    void plainNative_loads_andCountsExactlyTheUntamperedItems(Scheme scheme) {
        BenchPools pools = new BenchPools(SIZE, new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        List<AdversarialItems.Signed> items = pools.items(scheme, SIZE);
        List<String> notes = new ArrayList<>();
        PlainNative loop = PlainNative.of(scheme, items, notes).orElse(null);
        assertThat(notes).isEmpty();
        assertThat(loop).isNotNull();
        assertThat(loop.verify(0, SIZE)).isEqualTo(expectedValid(pools, scheme));
        assertThat(loop.verify(0, SIZE)).isEqualTo(new PlainBouncyCastle(scheme, items).verify(0, SIZE));
        if (scheme == Scheme.ECDSA_SECP256K1 || scheme == Scheme.SCHNORR_SECP256K1) {
            assertThat(loop.library()).startsWith("libsecp256k1");
        }
    }

    private static int expectedValid(BenchPools pools, Scheme scheme) {
        int n = 0;
        for (boolean b : pools.expectedValid(scheme, SIZE)) {
            n += b ? 1 : 0;
        }
        assertThat(n).isBetween(1, SIZE - 1);
        return n;
    }
}
