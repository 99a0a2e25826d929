package dev.sigil.crypto.testing;

import dev.sigil.crypto.Scheme;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Identities made by the {@code openssl} command line (Debian's {@code openssl} package), an implementation
 * independent of Bouncy Castle: a key, a self-signed DER certificate, the bare key bytes as openssl prints them,
 * and signatures. Without {@code openssl} a test is skipped, and fails when {@code CI=true}.
 */
public final class OpenSsl {
    /** GM/T 0009's default SM2 user ID, "1234567812345678". */
    public static final String SM2_DEFAULT_ID = "1234567812345678";

    private final Path dir;
    private int counter;

    /** A key, its certificate, and its public key bytes (SEC1 or Ed25519's 32) as openssl prints them. */
    public record Identity(Scheme scheme, Path key, byte[] certificate, byte[] publicKey) {
    }

    private OpenSsl(Path dir) {
        this.dir = dir;
    }

    /** openssl working in this directory; skips the test (fails under CI=true) when it is not installed. */
    public static OpenSsl in(Path dir) {
        boolean present;
        try {
            present = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        if (!present) {
            String why = "the openssl command is missing (apt-get install openssl)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return new OpenSsl(dir);
    }

    /** A fresh identity of the scheme; {@code variant} is "", "compressed" or "explicit" (EC keys only). */
    public Identity identity(Scheme scheme, String variant) {
        String n = "id" + (++counter);
        Path generated = dir.resolve(n + "-generated.pem");
        Path key = variant.equals("compressed") ? dir.resolve(n + ".pem") : generated;
        switch (scheme) {
            case ED25519 -> run("genpkey", "-algorithm", "ED25519", "-out", generated.toString());
            case ECDSA_P256, ECDSA_SECP256K1, SM2 -> {
                String curve = switch (scheme) {
                    case ECDSA_P256 -> "prime256v1";
                    case ECDSA_SECP256K1 -> "secp256k1";
                    default -> "SM2";
                };
                List<String> args = new ArrayList<>(List.of("genpkey", "-algorithm", "EC", "-pkeyopt",
                        "ec_paramgen_curve:" + curve, "-out", generated.toString()));
                if (variant.equals("explicit")) {
                    args.addAll(List.of("-pkeyopt", "ec_param_enc:explicit"));
                }
                run(args.toArray(String[]::new));
                if (variant.equals("compressed")) {
                    run("ec", "-in", generated.toString(), "-conv_form", "compressed", "-out", key.toString());
                }
            }
            default -> throw new IllegalArgumentException("openssl identities are not made for " + scheme);
        }
        Path cert = dir.resolve(n + ".der");
        List<String> req = new ArrayList<>(List.of("req", "-x509", "-new", "-key", key.toString(), "-subj",
                "/O=Org1/OU=peer/CN=" + n, "-days", "30", "-outform", "DER", "-out", cert.toString()));
        if (scheme == Scheme.SM2) {
            req.addAll(List.of("-sm3", "-sigopt", "distid:" + SM2_DEFAULT_ID));
        }
        run(req.toArray(String[]::new));
        try {
            return new Identity(scheme, key, Files.readAllBytes(cert), printedPublicKey(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "pub:" bytes of {@code openssl pkey -text_pub}, in the key's own point form. */
    private byte[] printedPublicKey(Path key) {
        String text = run("pkey", "-in", key.toString(), "-text_pub", "-noout");
        StringBuilder hex = new StringBuilder();
        boolean in = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("pub:")) {
                in = true;
            } else if (in && line.startsWith(" ")) {
                hex.append(line.strip().replace(":", ""));
            } else if (in) {
                break;
            }
        }
        return java.util.HexFormat.of().parseHex(hex.toString());
    }

    /**
     * openssl's signature over the message: DER ECDSA over SHA-256, DER SM2 with SM3 and the default user ID, or
     * the 64 bytes of Ed25519.
     */
    public byte[] sign(Identity id, byte[] message) {
        String n = "msg" + (++counter);
        Path in = dir.resolve(n + ".bin");
        Path out = dir.resolve(n + ".sig");
        try {
            Files.write(in, message);
            switch (id.scheme()) {
                case ED25519 -> run("pkeyutl", "-sign", "-inkey", id.key().toString(), "-rawin", "-in", in.toString(),
                        "-out", out.toString());
                case SM2 -> run("pkeyutl", "-sign", "-inkey", id.key().toString(), "-rawin", "-digest", "sm3",
                        "-pkeyopt", "distid:" + SM2_DEFAULT_ID, "-in", in.toString(), "-out", out.toString());
                default -> run("dgst", "-sha256", "-sign", id.key().toString(), "-out", out.toString(),
                        in.toString());
            }
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(Arrays.asList(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
