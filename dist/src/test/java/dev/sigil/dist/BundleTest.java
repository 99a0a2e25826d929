package dev.sigil.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle made by {@code ./sigil dist} (the package phase of this module): at most 60 MB, and once extracted it
 * runs with no JDK on the PATH or in JAVA_HOME: it finds the machine's OpenCL driver (PoCL here) with and without
 * {@code /etc/OpenCL/vendors}, and {@code bin/sigil gpu-check} passes on it.
 */
class BundleTest {
    private static final long MAX_BYTES = 60L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path home;
    static Path tools;

    @BeforeAll
    static void extract() throws Exception {
        Path archive = Path.of(System.getProperty("sigil.dist.archive"));
        assertThat(archive).exists();
        assertThat(Files.size(archive)).as("bundle size").isLessThanOrEqualTo(MAX_BYTES);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        assertThat(tar.waitFor()).isZero();
        try (var top = Files.list(dir)) {
            home = top.filter(p -> p.getFileName().toString().startsWith("sigil-")).findFirst().orElseThrow();
        }
        tools = noJdkPath();
    }

    @Test
    void bundle_holdsItsRuntimeJarsLoaderAndLicences_andNoJdk() throws Exception {
        assertThat(home.resolve("bin/sigil")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("runtime/bin/javac")).doesNotExist();
        assertThat(home.resolve("native/libOpenCL.so.1")).isRegularFile();
        assertThat(home.resolve("native/libOpenCL.so")).exists();
        assertThat(Files.readString(home.resolve("legal/ocl-icd-libopencl1/copyright"))).contains("BSD");
        try (var jars = Files.list(home.resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("service-")).anyMatch(n -> n.startsWith("sigil-bench"))
                    .anyMatch(n -> n.startsWith("jocl-")).noneMatch(n -> n.startsWith("jmh-core"));
        }
        Result r = run(List.of("help"), Map.of(), 60);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("gpu-check");
    }

    @Test
    void withoutSystemIcdFiles_aVendorLibraryOnTheLibraryPathIsFound() throws Exception {
        requireOpenCl();
        Path empty = Files.createDirectories(dir.resolve("no-icd"));
        Result r = run(List.of("env"), Map.of("SIGIL_SYSTEM_ICD_DIR", empty.toString()), 60);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("java=25").contains("LD_LIBRARY_PATH=" + home.resolve("native"))
                .containsPattern("OCL_ICD_VENDORS=/.+").containsPattern("icd=.*libpocl\\.so");
    }

    @Test
    void gpuCheck_onPocl_passesAndReportsEveryPart() throws Exception {
        requireOpenCl();
        Path out = dir.resolve("report");
        Path data = dir.resolve("data");
        List<String> args = new ArrayList<>(List.of("gpu-check", "--items", "2000", "--out", out.toString(),
                "--data-dir", data.toString()));
        String cache = System.getProperty("sigil.dist.cacheDir");
        if (cache != null) {
            args.addAll(List.of("--cache-dir", cache));
        }
        Result r = run(args, Map.of(), 900);
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("gpu-check: ok");
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(out.resolve("report.html")).isRegularFile();
        assertThat(report.get("devices").size()).isPositive();
        for (JsonNode d : report.get("devices")) {
            assertThat(d.has("buildError")).as(d.toString()).isFalse();
            assertThat(d.get("deviceMemoryBytes").asLong()).isPositive();
            Set<String> schemes = new HashSet<>();
            for (JsonNode c : d.get("conformance")) {
                assertThat(c.get("failed").asInt()).as(c.toString()).isZero();
                assertThat(c.get("cases").asInt()).isPositive();
                schemes.add(c.get("scheme").asText());
            }
            assertThat(schemes).contains("ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519");
            assertThat(d.get("conformance").toString()).contains("wycheproof ecdsa_secp256r1_sha256 (DER)")
                    .contains("wycheproof ed25519").contains("GM/T 0003.5 SM2 example").contains("own edge cases");
            for (JsonNode diff : d.get("differential")) {
                assertThat(diff.get("items").asInt()).isEqualTo(2000);
                assertThat(diff.get("disagreements").asLong()).as(diff.toString()).isZero();
                assertThat(diff.get("hostDecided").asLong()).isGreaterThanOrEqualTo(0);
            }
            assertThat(d.get("differential").size()).isEqualTo(schemes.size());
            for (JsonNode sw : d.get("sweep")) {
                assertThat(sw.get("points").size()).isPositive();
                assertThat(sw.get("points").get(0).get("batch").asInt()).isEqualTo(1024);
                for (JsonNode p : sw.get("points")) {
                    assertThat(p.get("itemsPerSecond").asDouble()).isPositive();
                }
                assertThat(sw.get("perItemMicros").asDouble()).isPositive();
                assertThat(sw.has("crossoverBatch")).isTrue();
                assertThat(sw.get("hostDecided").asLong()).as("valid and tampered items: all on the device").isZero();
            }
            assertThat(d.get("sweep").size()).isEqualTo(schemes.size());
        }
        // every device passed, so its fitted costs are the router's starting estimates for `serve --data-dir`
        JsonNode costs = JSON.readTree(data.resolve("costs.json").toFile());
        assertThat(costs.get("format").asInt()).isEqualTo(1);
        assertThat(costs.get("devices").size()).isEqualTo(report.get("devices").size());
        for (JsonNode c : costs.get("devices")) {
            assertThat(c.get("backend").asText()).isEqualTo("opencl");
            assertThat(c.get("verify").has("ecdsa-secp256k1")).as(c.toString()).isTrue();
            for (JsonNode v : c.get("verify")) {
                assertThat(v.get("perItemNanos").asDouble()).isPositive();
                assertThat(v.get("fixedNanos").asDouble()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    private record Result(int exit, String output) {
    }

    /** Runs bin/sigil with a PATH holding no java and no JAVA_HOME, HOME in the test's directory. */
    private static Result run(List<String> args, Map<String, String> env, int timeoutSeconds) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(home.resolve("bin/sigil").toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("JAVA") || k.startsWith("OCL_") || k.equals("LD_LIBRARY_PATH")
                || k.startsWith("MAVEN") || k.startsWith("_JAVA") || k.startsWith("JDK"));
        e.put("PATH", tools.toString());
        e.put("HOME", dir.resolve("home").toString());
        e.putAll(env);
        Path log = Files.createTempFile(dir, "sigil", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Assertions.fail("bin/sigil " + args + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /**
     * A directory of links to the few tools bin/sigil uses (and ld, which PoCL runs to link its kernels), and no java:
     * the PATH of a machine without a JDK.
     */
    private static Path noJdkPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("path"));
        for (String tool : List.of("bash", "awk", "sed", "readlink", "dirname", "mkdir", "rm", "cat", "id", "env",
                "ldconfig", "uname", "paste", "tr", "ld")) {
            for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                Path t = Path.of(d, tool);
                if (Files.isExecutable(t) && !Files.exists(bin.resolve(tool))) {
                    Files.createSymbolicLink(bin.resolve(tool), t);
                }
            }
        }
        assertThat(bin.resolve("java")).doesNotExist();
        return bin;
    }

    private static void requireOpenCl() throws IOException {
        boolean icd;
        try (var files = Files.list(Path.of("/etc/OpenCL/vendors"))) {
            icd = files.anyMatch(f -> f.toString().endsWith(".icd"));
        } catch (IOException e) {
            icd = false;
        }
        if (!icd) {
            String why = "no OpenCL driver (apt-get install pocl-opencl-icd)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
    }
}
