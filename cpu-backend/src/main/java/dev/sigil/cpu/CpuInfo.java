package dev.sigil.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Describes the CPU for {@code /v1/backends}. */
final class CpuInfo {
    private CpuInfo() {
    }

    static String describe(int threads, String engines) {
        String model = System.getProperty("os.arch");
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(model);
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture name will do
        }
        return model + " (" + threads + " threads; " + engines + ")";
    }
}
