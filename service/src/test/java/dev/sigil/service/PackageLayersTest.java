package dev.sigil.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of {@code service/src/main} form no cycle and follow the order written in {@code package-info.java}
 * of {@code dev.sigil.service}: each package uses only packages below it. Read from the sources (imports and fully
 * qualified names), with the JDK alone.
 */
class PackageLayersTest {
    private static final Path ROOT = Path.of("src/main/java/dev/sigil/service");
    private static final Pattern PACKAGE = Pattern.compile("^package dev\\.sigil\\.service(\\.\\w+)*;", Pattern.MULTILINE);
    private static final Pattern USE = Pattern.compile("\\bdev\\.sigil\\.service\\.([a-z]\\w*)\\.(?:[A-Z]|\\*)");
    private static final Pattern ORDER = Pattern.compile("<li>\\{@code ([a-z]+)}");

    /** Package (last part, {@code ""} for the root) → packages it uses. */
    private static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = ROOT.relativize(f.getParent()).toString().replace('/', '.');
                String source = PACKAGE.matcher(Files.readString(f)).replaceFirst("");
                Set<String> out = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher m = USE.matcher(source);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    /** The layers written in the root package's {@code package-info.java}, top first. */
    private static List<String> order() throws IOException {
        List<String> order = new ArrayList<>(List.of(""));
        Matcher m = ORDER.matcher(Files.readString(ROOT.resolve("package-info.java")));
        while (m.find()) {
            order.add(m.group(1));
        }
        return order;
    }

    @Test
    void mainPackages_formNoCycle() throws IOException {
        Map<String, Set<String>> uses = graph();
        assertThat(uses).containsKeys("http", "routing", "backend");
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            findCycle(uses, start, new ArrayList<>(List.of(start)), cycles);
        }
        assertThat(cycles).isEmpty();
    }

    private static void findCycle(Map<String, Set<String>> uses, String start, List<String> path, List<String> cycles) {
        for (String next : uses.getOrDefault(path.getLast(), Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                path.add(next);
                findCycle(uses, start, path, cycles);
                path.removeLast();
            }
        }
    }

    @Test
    void mainPackages_useOnlyPackagesBelowThemInTheWrittenOrder() throws IOException {
        Map<String, Set<String>> uses = graph();
        List<String> order = order();
        assertThat(order).containsAll(uses.keySet());
        List<String> upward = new ArrayList<>();
        uses.forEach((pkg, used) -> used.stream().filter(u -> order.indexOf(u) <= order.indexOf(pkg))
                .forEach(u -> upward.add(pkg + " -> " + u)));
        assertThat(upward).isEmpty();
    }
}
