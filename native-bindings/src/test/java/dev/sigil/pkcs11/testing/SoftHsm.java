package dev.sigil.pkcs11.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * SoftHSM2 for tests: one configuration and token directory per test JVM, under {@code target/}. SoftHSM2 reads
 * {@code SOFTHSM2_CONF} from the process environment, so surefire passes it (and the same path as the system
 * property {@code sigil.softhsm2.conf}); this fixture writes that file and an empty token directory the first
 * time it is used, before any test loads the library. Tokens get unique labels, so test classes sharing the JVM
 * never see each other's keys.
 *
 * <p>When SoftHSM2 or the configuration is missing, tests fail under {@code CI=true} and are skipped otherwise.
 */
public final class SoftHsm {
    public static final Path DEFAULT_LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    private static final AtomicInteger TOKENS = new AtomicInteger();
    private static SoftHsm instance;

    private final Path library;
    private final Path conf;

    private SoftHsm(Path library, Path conf) {
        this.library = library;
        this.conf = conf;
    }

    /** The fixture of this JVM; fails (CI) or skips the calling test when SoftHSM2 is not usable. */
    public static synchronized SoftHsm get() {
        if (instance == null) {
            String lib = System.getenv().getOrDefault("SIGIL_SOFTHSM2_LIB", DEFAULT_LIBRARY.toString());
            Path library = Path.of(lib);
            require(Files.isReadable(library), "the SoftHSM2 library " + library + " is missing (apt-get install softhsm2)");
            require(onPath("softhsm2-util"), "softhsm2-util is not on the PATH (apt-get install softhsm2)");
            String env = System.getenv("SOFTHSM2_CONF");
            String prop = System.getProperty("sigil.softhsm2.conf");
            require(env != null && env.equals(prop),
                    "SOFTHSM2_CONF must be set by the build (surefire) to the file named by -Dsigil.softhsm2.conf");
            instance = new SoftHsm(library, Path.of(env));
            instance.writeConfiguration();
        }
        return instance;
    }

    /** Fails under {@code CI=true}, aborts (skips) the test otherwise. */
    public static void require(boolean condition, String message) {
        if (condition) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message);
        }
        Assumptions.abort(message);
    }

    /** True when pkcs11-tool (OpenSC) is installed. */
    public static boolean hasPkcs11Tool() {
        return onPath("pkcs11-tool");
    }

    public Path library() {
        return library;
    }

    public Path configuration() {
        return conf;
    }

    /** Initializes a fresh token with a unique label made from the prefix, and returns that label. */
    public String newToken(String prefix, String userPin, String soPin) {
        String label = prefix + "-" + ProcessHandle.current().pid() + "-" + TOKENS.incrementAndGet();
        run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", userPin, "--so-pin", soPin));
        return label;
    }

    /** Runs pkcs11-tool against the SoftHSM2 library with the given arguments. */
    public String pkcs11Tool(String... args) {
        List<String> command = new ArrayList<>(List.of("pkcs11-tool", "--module", library.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private String run(List<String> command) {
        try {
            Path log = Files.createTempFile(conf.getParent(), "cmd", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SOFTHSM2_CONF", conf.toString());
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed with exit code " + p.exitValue());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void writeConfiguration() {
        try {
            Path tokens = conf.resolveSibling("tokens");
            if (Files.exists(tokens)) {
                try (Stream<Path> walk = Files.walk(tokens)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(tokens);
            Files.writeString(conf, "directories.tokendir = " + tokens.toAbsolutePath() + "\n"
                    + "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the SoftHSM2 configuration " + conf, e);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
