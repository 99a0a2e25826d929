package dev.sigil.gpu;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The OpenCL C source of each scheme's program: the generated constants header, then one file per math layer. */
final class KernelSources {
    /** Build options: OpenCL C 1.2, which every ICD of interest compiles. */
    static final String OPTIONS = "-cl-std=CL1.2";

    /** The build options for a device: CPU devices also get 128-bit products (see mont256.cl) when allowed. */
    static String options(DeviceInfo device, boolean allowInt128) {
        return allowInt128 && device.type().equals("cpu") ? OPTIONS + " -DSIGIL_USE_INT128=1" : OPTIONS;
    }
    private static final List<String> WEIERSTRASS_LAYERS =
            List.of("mont256.cl", "field.cl", "scalar.cl", "batchinv.cl", "weierstrass.cl", "msm.cl", "wverify.cl");
    private static final List<String> EDWARDS_LAYERS = List.of("mont256.cl", "field.cl", "edwards.cl");

    private KernelSources() {
    }

    static String program(Scheme scheme) {
        StringBuilder src = new StringBuilder(KernelConstants.header(scheme));
        List<String> layers = scheme == Scheme.ED25519 ? EDWARDS_LAYERS : WEIERSTRASS_LAYERS;
        for (String layer : layers) {
            src.append(resource(layer)).append('\n');
        }
        src.append(resource(switch (scheme) {
            case ECDSA_SECP256K1, ECDSA_P256 -> "ecdsa.cl";
            case SM2 -> "sm2.cl";
            case ED25519 -> "ed25519.cl";
            case SCHNORR_SECP256K1 -> "schnorr.cl";
        }));
        if (scheme == RECOVERABLE) {
            src.append('\n').append(resource("recover.cl"));
        }
        return src.toString();
    }

    /** The one scheme whose program also holds {@link #RECOVER_KERNEL}. */
    static final Scheme RECOVERABLE = Scheme.ECDSA_SECP256K1;
    /** Public-key recovery's kernel (recover.cl), in the secp256k1 program. */
    static final String RECOVER_KERNEL = "ecdsa_recover";
    /** Words per item in recovery's input buffer: e, r, s, v. */
    static final int RECOVER_IN_WORDS = 25;
    /** Words per item in recovery's output buffer: the result code, x, y. */
    static final int RECOVER_OUT_WORDS = 17;

    static String kernelName(Scheme scheme) {
        return switch (scheme) {
            case ECDSA_SECP256K1, ECDSA_P256 -> "ecdsa_verify";
            case SM2 -> "sm2_verify";
            case ED25519 -> "ed25519_verify";
            case SCHNORR_SECP256K1 -> "schnorr_verify";
        };
    }

    /** The most words per item of any scheme's input buffer (the Weierstrass layout: Q.x, Q.y, digest, r, s). */
    static final int MAX_INPUT_WORDS = 40;

    /**
     * Whether the scheme's verify kernel shares inversions across the work-group (batchinv.cl) and so takes a
     * sixth argument, {@link #scratchBytes} of {@code __local} memory. Recovery's kernel always does.
     */
    static boolean sharesInversions(Scheme scheme) {
        return scheme == Scheme.ECDSA_SECP256K1 || scheme == Scheme.ECDSA_P256 || scheme == Scheme.SCHNORR_SECP256K1;
    }

    /** The {@code __local} scratch of batchinv.cl for a work-group: two 256-bit values per work-item. */
    static long scratchBytes(long localSize) {
        return 2 * 32 * localSize;
    }

    /** Words per item in the input buffer. */
    static int inputWords(Scheme scheme) {
        return scheme == Scheme.ED25519 ? 32 : 40;
    }

    static String resource(String name) {
        try (InputStream in = KernelSources.class.getResourceAsStream("cl/" + name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
