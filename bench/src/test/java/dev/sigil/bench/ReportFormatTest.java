package dev.sigil.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void json_escapesStrings_andRoundTripsThroughAParser() throws Exception {
        Map<String, Object> m = Json.object("s", "quote \" back \\ nl \n tab \t ctl \u0001 ×", "n", 3, "d", 2.5,
                "nan", Double.NaN, "nul", null, "l", List.of(1, 2), "o", Map.of("k", true), "e", List.of());
        JsonNode n = new ObjectMapper().readTree(Json.write(m));
        assertThat(n.get("s").asText()).isEqualTo("quote \" back \\ nl \n tab \t ctl \u0001 ×");
        assertThat(n.get("n").asInt()).isEqualTo(3);
        assertThat(n.get("d").asDouble()).isEqualTo(2.5);
        assertThat(n.get("nan").isNull()).isTrue();
        assertThat(n.get("nul").isNull()).isTrue();
        assertThat(n.get("l").size()).isEqualTo(2);
        assertThat(n.get("o").get("k").asBoolean()).isTrue();
        assertThat(n.get("e").isEmpty()).isTrue();
    }

    @Test
    void externalReferences_findsRemoteSourcesLinksAndImports() {
        assertThat(BenchQuickRunTest.externalReferences("<img src=\"https://x.org/a.png\">")).hasSize(1);
        assertThat(BenchQuickRunTest.externalReferences("<link href='//cdn.x/f.css'>")).hasSize(1);
        assertThat(BenchQuickRunTest.externalReferences("a{background:url(http://x/y)}")).hasSize(1);
        assertThat(BenchQuickRunTest.externalReferences("<style>@import 'x.css';</style>")).hasSize(1);
        assertThat(BenchQuickRunTest.externalReferences("<p>target http://127.0.0.1:8080</p>")).isEmpty();
    }

    @Test
    void svgChart_escapesLabels_andDrawsOnePolylinePerSeries() {
        String svg = new SvgChart("a < b & c", "x", "y", true, true)
                .add(new SvgChart.Series("one", "#000", false,
                        List.of(new SvgChart.Point(1, 10), new SvgChart.Point(100, 1000))))
                .add(new SvgChart.Series("two", "#111", false, List.of(new SvgChart.Point(1, 5))))
                .reference("ref", "#222", 50).render();
        assertThat(svg).contains("a &lt; b &amp; c").doesNotContain("a < b");
        assertThat(Arrays.stream(svg.split("<polyline", -1)).count() - 1).isEqualTo(2);
        assertThat(svg).contains("stroke-dasharray");
    }

    @Test
    void table_rendersAlignedTextAndMarkdown() {
        Table t = new Table("backend", "items/s").row("cpu", "1,234").row("opencl", "56");
        assertThat(t.text().lines().toList()).containsExactly("backend  items/s", "-------  -------",
                "cpu        1,234", "opencl        56");
        assertThat(t.markdown()).startsWith("| backend | items/s |\n| --- | ---: |\n| cpu | 1,234 |");
        assertThatThrownBy(() -> t.row("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void options_parseFlags_andRejectUnknownOnes() {
        BenchOptions o = BenchOptions.parse("--quick", "--out", "x", "--backends", "cpu,opencl", "--batch-sizes",
                "64,1,64", "--no-http", "--set", "hsm.module=/lib/p11.so", "--set", "hsm.sessions=4", "--set", "hsm.verify=true");
        assertThat(o.out()).isEqualTo(Path.of("x"));
        assertThat(o.batchSizes()).containsExactly(1, 64);
        assertThat(o.wantsBackend("opencl")).isTrue();
        assertThat(o.wantsBackend("hsm")).isFalse();
        assertThat(o.http()).isFalse();
        assertThat(o.settingsFor("hsm")).containsEntry("module", "/lib/p11.so").containsEntry("sessions", 4)
                .containsEntry("verify", true);
        assertThat(BenchOptions.parse().batchSizes()).contains(1, 16384);
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("unknown flag --fast");
        assertThatThrownBy(() -> BenchOptions.parse("--out")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--set", "nodot")).hasMessageContaining("backend.key=value");
    }

    @Test
    void httpPhase_withoutTheServiceClasses_skipsWithAClearMessage() throws Exception {
        Results r = new Results();
        BenchOptions o = BenchOptions.parse("--quick", "--out", System.getProperty("java.io.tmpdir"));
        new HttpPhase(o, new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())), null,
                "dev.sigil.service.NoSuchMain").run(r, List.of(), 100);
        assertThat(r.httpStatus).contains("skipped", "dev.sigil.service.NoSuchMain", "--url");
        assertThat(r.load).isEmpty();
        assertThat(r.notes).contains(r.httpStatus);
    }

    @Test
    void html_withAnAcceleratorAndLoadSteps_drawsCrossoverMarkerAndHttpCharts() throws Exception {
        Results r = new Results();
        r.startedAt = "2026-01-01T00:00:00Z";
        r.httpStatus = "ran to saturation";
        r.httpTarget = "http://127.0.0.1:1";
        r.capacityItemsPerSecond = 5000;
        for (int batch : List.of(1, 64, 4096)) {
            r.sweep.add(new Results.SweepPoint("cpu", "ed25519", batch, 4000, 1, 1, 1, 1, 0));
            r.sweep.add(new Results.SweepPoint("opencl", "ed25519", batch, batch >= 64 ? 9000 : 100, 1, 1, 1, 1, 0));
        }
        r.baselines.add(new Results.Baseline("plain-bc", "ed25519", 2, 3000));
        r.baselines.add(new Results.Baseline("openssl", "ed25519", 1, 15000));
        for (double rate : List.of(10.0, 50.0, 100.0)) {
            r.load.add(new Results.LoadStep(rate, 64, 100, 100, 0, rate * 0.95, 5, 20, 30, 40, rate >= 100,
                    Map.of()));
        }
        String html = Html.render(r);
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("svg").getLength()).isEqualTo(4);
        assertThat(html).contains("opencl ed25519 from 64", "HTTP latency against offered load", "HTTP throughput");
        assertThat(TextReport.markdown(r)).contains("| opencl | ed25519 | 64 | 64, 4096 | 2.25× |");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(JsonReport.render(r))
                .get("crossovers").get(0).get("batch").asInt()).isEqualTo(64);
    }
}
