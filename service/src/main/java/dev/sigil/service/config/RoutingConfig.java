package dev.sigil.service.config;

import java.util.Map;

/**
 * Settings of the router ({@code dev.sigil.service.routing}).
 *
 * @param maxQueuedItems  work accepted and not yet finished, in items, past which requests are refused with
 *                        {@code overloaded}
 * @param maxQueueDelayMs the longest a request may wait for the work admitted before it (estimated from the queued
 *                        items and the cost estimates); past it requests are refused with {@code overloaded}
 * @param coalesceMaxBatch most items a coalescing backend (GPU) receives in one batch
 * @param coalesceMaxDelayMs longest a request waits for others to join its batch on a coalescing backend
 * @param probeIntervalMs how often a backend out of rotation is probed, and every backend's health is checked
 * @param calibrate       whether each backend is timed on a short known-answer run at start
 * @param ewmaAlpha       weight of the newest batch in the cost estimates, in (0, 1]
 * @param minSplitItems   smallest share of a batch worth sending to a second backend
 * @param exploreShare    most of the work routed (in estimated time) that may go to a backend only to re-measure
 *                        it, in [0, 0.5]; 0 turns exploring off
 * @param exploreAfterBatches routed batches of a scheme after which a backend given none of them is re-measured
 */
public record RoutingConfig(int maxQueuedItems, long maxQueueDelayMs, int coalesceMaxBatch, long coalesceMaxDelayMs,
        long probeIntervalMs, boolean calibrate, double ewmaAlpha, int minSplitItems, double exploreShare, int exploreAfterBatches) {

    public static final int DEFAULT_MAX_QUEUED_ITEMS = 400_000;
    public static final long DEFAULT_MAX_QUEUE_DELAY_MS = 3_000;
    public static final int DEFAULT_COALESCE_MAX_BATCH = 8_192;
    public static final long DEFAULT_COALESCE_MAX_DELAY_MS = 2;
    public static final long DEFAULT_PROBE_INTERVAL_MS = 2_000;
    public static final double DEFAULT_EWMA_ALPHA = 0.1;
    public static final int DEFAULT_MIN_SPLIT_ITEMS = 32;
    public static final double DEFAULT_EXPLORE_SHARE = 0.03;
    public static final int DEFAULT_EXPLORE_AFTER_BATCHES = 50;

    public RoutingConfig {
        require(maxQueuedItems >= 1, "maxQueuedItems must be positive");
        require(maxQueueDelayMs >= 1 && maxQueueDelayMs <= 3_600_000, "maxQueueDelayMs must be in [1, 3600000]");
        require(coalesceMaxBatch >= 1, "coalesce.maxBatch must be positive");
        require(coalesceMaxDelayMs >= 0, "coalesce.maxDelayMs must not be negative");
        require(probeIntervalMs >= 1, "probeIntervalMs must be positive");
        require(ewmaAlpha > 0 && ewmaAlpha <= 1, "ewmaAlpha must be in (0, 1]");
        require(minSplitItems >= 1, "minSplitItems must be positive");
        require(exploreShare >= 0 && exploreShare <= 0.5, "explore.share must be in [0, 0.5]");
        require(exploreAfterBatches >= 1, "explore.afterBatches must be positive");
    }

    public static RoutingConfig defaults() {
        return new RoutingConfig(DEFAULT_MAX_QUEUED_ITEMS, DEFAULT_MAX_QUEUE_DELAY_MS, DEFAULT_COALESCE_MAX_BATCH,
                DEFAULT_COALESCE_MAX_DELAY_MS, DEFAULT_PROBE_INTERVAL_MS, true, DEFAULT_EWMA_ALPHA,
                DEFAULT_MIN_SPLIT_ITEMS, DEFAULT_EXPLORE_SHARE, DEFAULT_EXPLORE_AFTER_BATCHES);
    }

    /**
     * Reads the {@code routing} section of the service configuration (already parsed from YAML): keys
     * {@code maxQueuedItems}, {@code maxQueueDelayMs}, {@code coalesce: {maxBatch, maxDelayMs}}, {@code probeIntervalMs}, {@code calibrate},
     * {@code ewmaAlpha}, {@code minSplitItems}, {@code explore: {share, afterBatches}}; missing keys take the
     * defaults.
     *
     * @throws IllegalArgumentException on an unknown key or a value of the wrong type or range
     */
    public static RoutingConfig fromSettings(Map<String, ?> section) {
        Settings s = new Settings("routing", section, java.util.Set.of("maxQueuedItems", "maxQueueDelayMs", "coalesce",
                "probeIntervalMs", "calibrate", "ewmaAlpha", "minSplitItems", "explore"));
        Settings c = s.section("coalesce", java.util.Set.of("maxBatch", "maxDelayMs"));
        Settings e = s.section("explore", java.util.Set.of("share", "afterBatches"));
        return new RoutingConfig(
                (int) s.number("maxQueuedItems", DEFAULT_MAX_QUEUED_ITEMS),
                s.number("maxQueueDelayMs", DEFAULT_MAX_QUEUE_DELAY_MS),
                (int) c.number("maxBatch", DEFAULT_COALESCE_MAX_BATCH),
                c.number("maxDelayMs", DEFAULT_COALESCE_MAX_DELAY_MS),
                s.number("probeIntervalMs", DEFAULT_PROBE_INTERVAL_MS),
                s.flag("calibrate", true),
                s.decimal("ewmaAlpha", DEFAULT_EWMA_ALPHA),
                (int) s.number("minSplitItems", DEFAULT_MIN_SPLIT_ITEMS),
                e.decimal("share", DEFAULT_EXPLORE_SHARE),
                (int) e.number("afterBatches", DEFAULT_EXPLORE_AFTER_BATCHES));
    }

    public RoutingConfig withMaxQueuedItems(int value) {
        return new RoutingConfig(value, maxQueueDelayMs, coalesceMaxBatch, coalesceMaxDelayMs, probeIntervalMs,
                calibrate, ewmaAlpha, minSplitItems, exploreShare, exploreAfterBatches);
    }

    public RoutingConfig withMaxQueueDelayMs(long value) {
        return new RoutingConfig(maxQueuedItems, value, coalesceMaxBatch, coalesceMaxDelayMs, probeIntervalMs,
                calibrate, ewmaAlpha, minSplitItems, exploreShare, exploreAfterBatches);
    }

    public RoutingConfig withCoalescing(int maxBatch, long maxDelayMs) {
        return new RoutingConfig(maxQueuedItems, maxQueueDelayMs, maxBatch, maxDelayMs, probeIntervalMs, calibrate,
                ewmaAlpha, minSplitItems, exploreShare, exploreAfterBatches);
    }

    public RoutingConfig withProbeIntervalMs(long value) {
        return new RoutingConfig(maxQueuedItems, maxQueueDelayMs, coalesceMaxBatch, coalesceMaxDelayMs, value,
                calibrate, ewmaAlpha, minSplitItems, exploreShare, exploreAfterBatches);
    }

    public RoutingConfig withCalibrate(boolean value) {
        return new RoutingConfig(maxQueuedItems, maxQueueDelayMs, coalesceMaxBatch, coalesceMaxDelayMs,
                probeIntervalMs, value, ewmaAlpha, minSplitItems, exploreShare, exploreAfterBatches);
    }

    public RoutingConfig withMinSplitItems(int value) {
        return new RoutingConfig(maxQueuedItems, maxQueueDelayMs, coalesceMaxBatch, coalesceMaxDelayMs,
                probeIntervalMs, calibrate, ewmaAlpha, value, exploreShare, exploreAfterBatches);
    }

    public RoutingConfig withExploration(double share, int afterBatches) {
        return new RoutingConfig(maxQueuedItems, maxQueueDelayMs, coalesceMaxBatch, coalesceMaxDelayMs,
                probeIntervalMs, calibrate, ewmaAlpha, minSplitItems, share, afterBatches);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("routing: " + message);
        }
    }

    /** Typed reads of one configuration section, naming the key in every error. */
    private record Settings(String path, Map<String, ?> values) {
        Settings(String path, Map<String, ?> values, java.util.Set<String> known) {
            this(path, values == null ? Map.of() : values);
            for (String key : this.values.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException(path + "." + key + ": unknown setting (known: "
                            + String.join(", ", new java.util.TreeSet<>(known)) + ")");
                }
            }
        }

        @SuppressWarnings("unchecked")
        Settings section(String key, java.util.Set<String> known) {
            Object v = values.get(key);
            if (v != null && !(v instanceof Map<?, ?>)) {
                throw new IllegalArgumentException(path + "." + key + ": expected a section");
            }
            return new Settings(path + "." + key, (Map<String, ?>) v, known);
        }

        long number(String key, long fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                return n.longValue();
            }
            try {
                return Long.parseLong(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + "." + key + ": expected a whole number");
            }
        }

        double decimal(String key, double fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Number n) {
                return n.doubleValue();
            }
            try {
                return Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + "." + key + ": expected a number");
            }
        }

        boolean flag(String key, boolean fallback) {
            Object v = values.get(key);
            if (v == null) {
                return fallback;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            return switch (v.toString().trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(path + "." + key + ": expected true or false");
            };
        }
    }
}
