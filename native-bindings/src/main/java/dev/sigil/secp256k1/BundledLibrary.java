package dev.sigil.secp256k1;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The libsecp256k1 that {@code fr.acinq.secp256k1:secp256k1-kmp-jni-jvm-linux} ships as a class-path resource, for
 * Linux x86-64 and aarch64. Only its exported C functions are used (never its JNI layer). It is extracted once into
 * {@code <cacheDir>/secp256k1-<sha256>/} and its SHA-256 is checked against the pinned value on every load, so a
 * corrupted or replaced file is rewritten rather than loaded.
 */
final class BundledLibrary {
    /** The artifact the resource comes from (keep in step with the root pom). */
    static final String ARTIFACT = "secp256k1-kmp-jni-jvm-linux 0.23.0";
    private static final String RESOURCE = "fr/acinq/secp256k1/jni/native/linux-%s/libsecp256k1-jni.so";
    private static final Map<String, String> SHA256 = Map.of(
            "x86_64", "25f0f0bfd3e4b202563f772963ea803f0f949e5593476d3cd4b755f800bf7704",
            "aarch64", "4e9c780ba134d130799c5f2d15ba90bf9fb477b34fc78d0f5b55fee90a734e37");

    private BundledLibrary() {
    }

    /** The extracted and checked library file; throws {@link Secp256k1Exception} (LOAD_FAILED) when impossible. */
    static Path extract(Path cacheDir) {
        String arch = arch();
        String expected = SHA256.get(arch);
        if (expected == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw failed("no bundled libsecp256k1 for " + System.getProperty("os.name") + "/"
                    + System.getProperty("os.arch"), null);
        }
        Path file = cacheDir.resolve("secp256k1-" + expected).resolve("libsecp256k1.so");
        try {
            if (Files.isRegularFile(file) && expected.equals(sha256(Files.readAllBytes(file)))) {
                return file;
            }
            byte[] bytes = resource(String.format(RESOURCE, arch));
            if (!expected.equals(sha256(bytes))) {
                throw failed("the bundled libsecp256k1 for " + arch + " does not have the pinned SHA-256", null);
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "libsecp256k1", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return file;
        } catch (IOException e) {
            throw failed("cannot extract libsecp256k1 into " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    static String arch() {
        String a = System.getProperty("os.arch", "");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> a;
        };
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = BundledLibrary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw failed("resource " + name + " is not on the class path (" + ARTIFACT + ")", null);
            }
            return in.readAllBytes();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Secp256k1Exception failed(String message, Throwable cause) {
        return new Secp256k1Exception(Secp256k1Exception.Reason.LOAD_FAILED, message, cause);
    }
}
