package dev.sigil.bench;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Native reference figures from {@code openssl speed -seconds 1 <alg>} (one thread). OpenSSL has no secp256k1 in
 * {@code speed}; SM2 only when the build includes it. Whatever is missing is skipped with a note.
 */
final class OpenSslSpeed {
    /** openssl speed's algorithm word per scheme. */
    static final Map<Scheme, String> ALGORITHMS = Map.of(Scheme.ECDSA_P256, "ecdsap256", Scheme.ED25519, "ed25519",
            Scheme.SM2, "sm2");

    /** A result row: {@code 256 bits ecdsa (nistp256)   0.0000s   0.0000s  68587.5  22807.3}. */
    private static final Pattern ROW = Pattern.compile(
            "^\\s*\\d+\\s+bits\\s+\\S+\\s+\\(([^)]+)\\)\\s+\\S+s\\s+\\S+s\\s*([\\d.]+(?:[eE][+-]?\\d+)?|inf|-?nan)\\s+"
            + "([\\d.]+(?:[eE][+-]?\\d+)?|inf|-?nan)\\s*$");

    private static final Map<String, Scheme> CURVES = Map.of("nistp256", Scheme.ECDSA_P256, "Ed25519", Scheme.ED25519,
            "CurveSM2", Scheme.SM2, "secp256k1", Scheme.ECDSA_SECP256K1);

    private OpenSslSpeed() {
    }

    /** A parsed row: verifications per second of one scheme. */
    record Figure(Scheme scheme, double signPerSecond, double verifyPerSecond) {
    }

    static void run(List<Scheme> schemes, Progress progress, Results results, java.nio.file.Path out) {
        for (Scheme s : schemes) {
            String alg = ALGORITHMS.get(s);
            if (alg == null) {
                results.notes.add("openssl speed has no " + s + " benchmark; no native figure for it");
                continue;
            }
            Optional<String> output = speed(alg);
            List<Figure> figures = output.map(OpenSslSpeed::parse).orElse(List.of());
            Optional<Figure> f = figures.stream().filter(x -> x.scheme() == s).findFirst();
            if (f.isPresent()) {
                results.baselines.add(new Results.Baseline("openssl", s.wireName(), 1, f.get().verifyPerSecond(),
                        f.get().verifyPerSecond()));
                progress.step("openssl speed %-16s 1 thread:    %,12.0f verify/s", s, f.get().verifyPerSecond());
            } else {
                String why = output.isEmpty() ? "openssl is not installed or failed"
                        : "no figure in its output (kept in " + keep(out, alg, output.get()) + ")";
                results.notes.add("openssl speed " + alg + ": " + why + " (skipped)");
                progress.step("openssl speed %s: %s (skipped)", alg, why);
            }
        }
    }

    private static java.nio.file.Path keep(java.nio.file.Path out, String alg, String output) {
        java.nio.file.Path file = out.resolve("openssl-speed-" + alg + ".txt");
        try {
            java.nio.file.Files.writeString(file, output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return java.nio.file.Path.of("(could not be written)");
        }
        return file;
    }

    /** Parses every result row of openssl speed's output. */
    static List<Figure> parse(String output) {
        List<Figure> out = new ArrayList<>();
        for (String line : output.split("\\R")) {
            Matcher m = ROW.matcher(line);
            if (m.matches() && CURVES.containsKey(m.group(1)) && Double.isFinite(rate(m.group(3)))) {
                out.add(new Figure(CURVES.get(m.group(1)), rate(m.group(2)), rate(m.group(3))));
            }
        }
        return out;
    }

    /** A rate column; openssl prints {@code inf} when it measured no CPU time for the operation. */
    private static double rate(String column) {
        return column.equals("inf") ? Double.POSITIVE_INFINITY : column.endsWith("nan") ? Double.NaN
                : Double.parseDouble(column);
    }

    private static Optional<String> speed(String alg) {
        try {
            Process p = new ProcessBuilder("openssl", "speed", "-seconds", "1", alg).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
