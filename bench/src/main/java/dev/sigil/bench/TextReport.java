package dev.sigil.bench;

import java.util.Map;

/** The tables as plain text (stdout, {@code table.txt}) and as Markdown for the README ({@code report.md}). */
final class TextReport {
    private TextReport() {
    }

    static String text(Results r) {
        ReportTables t = new ReportTables(r);
        StringBuilder out = new StringBuilder();
        out.append("Sigil bench — ").append(r.command).append(" — ").append(machine(r.machine)).append("\n\n");
        r.backends.forEach(b -> out.append("backend ").append(b.id()).append(": ").append(b.device()).append('\n'));
        out.append('\n');
        out.append("In-process verify (").append(BenchPools.mix()).append("; items/CPU-s divides by the CPU time of this process's Java threads, the JIT compiler's and GC's own threads left out; ")
                .append("ratios: to plain Bouncy Castle on every core, to openssl speed on one thread, items/CPU-s to the best ")
                .append("native loop on one thread per CPU-second)\n").append(t.sweep().text()).append('\n');
        out.append("Baselines\n").append(t.baselines().text()).append('\n');
        if (!r.engines.isEmpty()) {
            out.append(EngineComparison.TITLE).append('\n').append(EngineComparison.table(r.engines).text())
                    .append('\n');
        }
        if (!r.recovery.isEmpty() || !r.recoveryBaselines.isEmpty()) {
            out.append("Public-key recovery, ecdsa-secp256k1 (ecrecover; " + BenchPools.mix() + "; ratios per ")
                    .append("CPU-second to a plain libsecp256k1 ecdsa_recover loop on one thread)\n")
                    .append(t.recovery().text()).append('\n');
        }
        out.append("HTTP load test (POST /v1/verify, open loop): ").append(r.httpStatus).append('\n');
        if (!r.load.isEmpty()) {
            out.append(t.load(r.capacityItemsPerSecond).text());
        }
        out.append('\n');
        out.append("gRPC load test (sigil.v1.Sigil/Verify, the same open loop and items): ").append(r.grpcStatus)
                .append('\n');
        if (!r.grpcLoad.isEmpty()) {
            out.append(t.load(r.grpcLoad, r.capacityItemsPerSecond).text());
        }
        out.append('\n');
        if (!r.small.isEmpty()) {
            out.append(smallTitle(r)).append('\n').append(t.small().text()).append('\n');
        }
        if (!r.routing.isEmpty()) {
            out.append("Routing (1024-item requests, ").append(RoutingComparison.CLIENTS)
                    .append(" clients, closed loop, routed and pinned in interleaved rounds; estimates from /v1/backends)\n")
                    .append(RoutingComparison.table(r.routing)).append('\n');
        }
        r.overload.forEach(o -> out.append(OverloadRun.line(o)).append("\n\n"));
        out.append(t.crossovers().isEmpty() ? "Crossover: only the CPU backend is available.\n"
                : "Crossover (accelerator against cpu)\n" + t.crossovers().text());
        r.notes.forEach(n -> out.append("note: ").append(n).append('\n'));
        return out.toString();
    }

    static String markdown(Results r) {
        ReportTables t = new ReportTables(r);
        StringBuilder out = new StringBuilder();
        out.append("Measured with `").append(r.command).append("` on ").append(machine(r.machine)).append(" (")
                .append(r.startedAt).append(").\n\n");
        out.append("In-process verify, items per second (").append(BenchPools.mix()).append(" (message altered); items/CPU-s ")
                .append("divides by the CPU time of the process's Java threads (the JIT compiler's and GC's own threads left out), which other load on the machine distorts less; ")
                .append("ratios are to a plain Bouncy Castle loop on every core and to `openssl speed` on one ")
                .append("thread):\n\n")
                .append(t.sweep().markdown()).append('\n');
        out.append("Baselines:\n\n").append(t.baselines().markdown()).append('\n');
        if (!r.engines.isEmpty()) {
            out.append(EngineComparison.TITLE).append(":\n\n").append(EngineComparison.table(r.engines).markdown())
                    .append('\n');
        }
        if (!r.recovery.isEmpty() || !r.recoveryBaselines.isEmpty()) {
            out.append("Public-key recovery, `ecdsa-secp256k1` (Ethereum's `ecrecover`; ratios per CPU-second to a ")
                    .append("plain libsecp256k1 `ecdsa_recover` loop on one thread):\n\n")
                    .append(t.recovery().markdown()).append('\n');
        }
        out.append("HTTP load test, `POST /v1/verify`, open loop, latency from the scheduled send time (")
                .append(r.httpStatus).append("):\n\n");
        out.append(r.load.isEmpty() ? "(no HTTP figures)\n" : t.load(r.capacityItemsPerSecond).markdown());
        out.append('\n');
        out.append("gRPC load test, `sigil.v1.Sigil/Verify`, the same open loop and items (").append(r.grpcStatus)
                .append("):\n\n");
        out.append(r.grpcLoad.isEmpty() ? "(no gRPC figures)\n" : t.load(r.grpcLoad, r.capacityItemsPerSecond)
                .markdown());
        out.append('\n');
        if (!r.small.isEmpty()) {
            out.append(smallTitle(r)).append(":\n\n").append(t.small().markdown()).append('\n');
        }
        if (!r.routing.isEmpty()) {
            out.append("Routing, 1024-item requests from ").append(RoutingComparison.CLIENTS)
                    .append(" clients (closed loop), routed and pinned to each backend in interleaved rounds:\n\n```\n")
                    .append(RoutingComparison.table(r.routing)).append("```\n\n");
        }
        r.overload.forEach(o -> out.append(OverloadRun.line(o)).append("\n\n"));
        out.append(t.crossovers().isEmpty() ? "Crossover: only the CPU backend was available.\n"
                : "Crossover batch size (where each accelerator beats the CPU backend):\n\n"
                        + t.crossovers().markdown());
        if (!r.notes.isEmpty()) {
            out.append("\nNotes:\n\n");
            r.notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    static String smallTitle(Results r) {
        return "Small requests (" + r.smallScheme + "; latency of one caller at a time, then "
                + SmallRequests.CALLERS + " callers in a closed loop; in-process is the CPU backend's verify called "
                + "directly; gRPC through SigilClient, HTTP as JSON over HTTP/1.1, to the same service)";
    }

    static String machine(Map<String, Object> m) {
        return m.getOrDefault("cpu", "?") + ", " + m.getOrDefault("cores", "?") + " cores, Java "
                + m.getOrDefault("java", "?");
    }
}
