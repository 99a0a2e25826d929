package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * Runs {@code ./sigil bench --quick} once (CPU backend, HTTP phase against a minimal local verify endpoint, gRPC
 * phase and small-request table against the real service started as a child process) and
 * checks that the table, JSON, Markdown and HTML are produced and well-formed. Timings are not checked.
 */
class BenchQuickRunTest {
    private static final List<String> SCHEMES = List.of("ecdsa-secp256k1", "ecdsa-p256", "sm2", "ed25519",
            "schnorr-secp256k1");

    @TempDir
    static Path dir;
    static int status;
    static String stdout;
    static String stderr;

    @BeforeAll
    static void runQuickBench() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (TinyVerifyServer server = new TinyVerifyServer()) {
            status = BenchMain.run(new String[] {"--quick", "--backends", "cpu", "--out", dir.toString(),
                "--url", server.base().toString(), "--max-steps", "2", "--step-ms", "600"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    ServiceProcess.MAIN);
        }
        stdout = out.toString(StandardCharsets.UTF_8);
        stderr = err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickRun_exitsWithZero_andReportsProgressPerStep() {
        assertThat(status).as(stderr).isZero();
        assertThat(stderr.lines().filter(l -> l.matches("\\[\\s*\\d+\\.\\ds] .*")).count()).isGreaterThan(12);
    }

    @Test
    void quickRun_printsTable_withEverySchemeAndBatchSize() {
        assertThat(stdout).contains("items/s", "× plain BC", "Baselines", "HTTP load test");
        for (String s : SCHEMES) {
            for (int batch : List.of(1, 16, 256)) {
                assertThat(stdout).containsPattern("(?m)^cpu\\s+" + s + "\\s+" + batch + "\\s+[\\d,.]+");
            }
        }
        assertThat(Files.exists(dir.resolve("table.txt"))).isTrue();
    }

    @Test
    void quickRun_writesJson_withEveryFigure() throws Exception {
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertThat(json.get("format").asInt()).isEqualTo(JsonReport.FORMAT);
        List<String> problems = new ArrayList<>();
        for (JsonNode p : json.get("sweep")) {
            if (p.get("itemsPerSecond").asDouble() <= 0 || p.get("itemsPerCpuSecond").asDouble() <= 0
                    || p.get("mismatches").asInt() != 0) {
                problems.add(p.toString());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(json.get("sweep")).hasSize(SCHEMES.size() * 3);
        assertThat(json.get("baselines").findValuesAsText("source")).contains("plain-bc");
        // quick: the cpu backend and each scheme's plain loop in turn, at the largest batch from 16 to 4 096
        List<String> engines = new ArrayList<>();
        for (JsonNode e : json.get("engines")) {
            engines.add(e.get("scheme").asText() + "/" + e.get("batch").asInt());
            if (!(e.get("vsBaselinePerCpuSecond").asDouble() > 0) || !(e.get("vsOneThread").asDouble() > 0)
                    || e.get("minRatio").asDouble() > e.get("maxRatio").asDouble()) {
                problems.add(e.toString());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(engines).containsExactlyInAnyOrderElementsOf(SCHEMES.stream().map(s -> s + "/256").toList());
        assertThat(stdout).contains(EngineComparison.TITLE);
        JsonNode steps = json.get("http").get("steps");
        assertThat(steps).isNotEmpty();
        assertThat(steps.get(0).get("ok").asLong()).isPositive();
        assertThat(steps.get(0).get("errors").asLong()).isZero();
        assertThat(json.get("http").get("target").asText()).startsWith("http://127.0.0.1:");
    }

    @Test
    void quickRun_runsTheGrpcPhase_withItsLoadStepsAndTheSmallRequestTable() throws Exception {
        assertThat(stdout).contains("gRPC load test", "Small requests");
        JsonNode grpc = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("grpc");
        JsonNode steps = grpc.get("steps");
        assertThat(steps).as(grpc.toString()).isNotEmpty();
        assertThat(steps.get(0).get("ok").asLong()).isPositive();
        assertThat(steps.get(0).get("errors").asLong()).isZero();
        assertThat(grpc.get("target").asText()).startsWith("127.0.0.1:");
        List<String> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (JsonNode s : grpc.get("small")) {
            rows.add(s.get("transport").asText() + "/" + s.get("itemsPerRequest").asInt());
            double p50 = s.get("p50Micros").asDouble();
            if (p50 <= 0 || s.get("p99Micros").asDouble() < p50 || s.get("requestsPerSecond").asDouble() <= 0
                    || s.get("errors").asLong() != 0 || s.get("callers").asInt() != SmallRequests.CALLERS
                    || !(s.get("servingItemsPerCpuSecond").asDouble() > 0)) {
                problems.add(s.toString());
            }
        }
        assertThat(rows).containsExactlyInAnyOrder("in-process/1", SmallRequests.ECHO + "/1", "http/1", "grpc/1",
                "grpc-stream/1", "in-process/16", "http/16", "grpc/16", "grpc-stream/16", "in-process/64", "http/64",
                "grpc/64", "grpc-stream/64");
        assertThat(problems).isEmpty();
        assertThat(stdout).contains("a bare loopback round trip (" + SmallRequests.ECHO + ")");
        assertThat(Files.readString(dir.resolve("report.md"))).contains("| transport | items/request | p50 µs");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Small requests");
    }

    @Test
    void quickRun_writesMarkdown_withThePastableTableAndTheCommand() throws Exception {
        String md = Files.readString(dir.resolve("report.md"));
        assertThat(md).contains("`./sigil bench --quick", "| backend | scheme | batch | items/s");
        assertThat(md).containsPattern("(?m)^\\| cpu \\| ed25519 \\| 256 \\| [\\d,.]+ \\|");
        assertThat(md).contains("- openssl speed has no ecdsa-secp256k1 benchmark");
    }

    @Test
    void quickRun_writesHtml_thatIsWellFormed_withSvgCharts_andNoExternalResources() throws Exception {
        String html = Files.readString(dir.resolve("report.html"));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("report.html").toFile());
        assertThat(doc.getElementsByTagName("svg").getLength()).isGreaterThanOrEqualTo(SCHEMES.size() + 2);
        assertThat(doc.getElementsByTagName("polyline").getLength()).isGreaterThanOrEqualTo(SCHEMES.size() + 3);
        assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        assertThat(externalReferences(html)).isEmpty();
    }

    /** src/href attributes, CSS url(...) and @import that point anywhere outside the file. */
    static List<String> externalReferences(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile("(?i)(?:src|href|xlink:href)\\s*=\\s*[\"']?\\s*((?:https?:)?//[^\"'\\s>]*)"
                + "|url\\(\\s*[\"']?\\s*((?:https?:)?//[^)\"']*)|@import").matcher(html);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void quickRun_measuresRecovery_onTheCpu_againstThePlainLibsecp256k1Loop() throws Exception {
        assertThat(stdout).contains("Public-key recovery", "plain libsecp256k1");
        JsonNode recovery = new ObjectMapper().readTree(dir.resolve("report.json").toFile()).get("recovery");
        List<String> points = new ArrayList<>();
        List<String> baselines = new ArrayList<>();
        for (JsonNode p : recovery) {
            if (p.has("backend")) {
                assertThat(p.get("mismatches").asInt()).as(p.toString()).isZero();
                assertThat(p.get("itemsPerSecond").asDouble()).as(p.toString()).isPositive();
                points.add(p.get("backend").asText() + "/" + p.get("batch").asInt());
            } else {
                baselines.add(p.get("baseline").asText() + "/" + p.get("threads").asInt());
            }
        }
        assertThat(points).containsExactly("cpu/256");
        assertThat(baselines).contains("plain-libsecp256k1-recover/1");
    }
}
