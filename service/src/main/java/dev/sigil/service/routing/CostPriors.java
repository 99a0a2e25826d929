package dev.sigil.service.routing;

import dev.sigil.crypto.Scheme;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measured verify costs per device, written by {@code sigil gpu-check} into {@code <data-dir>/costs.json} and read by
 * the router at start as the starting estimates of the backends they describe, in place of the short timed
 * calibration (a sweep up to 2^20 items says more about a GPU than a few 512-item batches). Traffic then keeps the
 * estimates current as for any backend: a file from other hardware or an older driver is corrected by drift.
 *
 * <p>A backend's {@code device} text names its devices joined by {@code ", "} (the OpenCL backend's form); a scheme has
 * a prior when every one of them has an entry for the scheme under that backend id. Several devices work in
 * parallel: their per-item costs combine as rates add up, the fixed part is the largest.
 */
public final class CostPriors {
    /** The file's name in the data directory. */
    public static final String FILE = "costs.json";
    static final int FORMAT = 1;

    /** One device's measured verify cost of one scheme: {@code fixedNanos + items × perItemNanos}. */
    public record Cost(double fixedNanos, double perItemNanos) {
        public Cost {
            if (!(fixedNanos >= 0) || !(perItemNanos > 0) || Double.isInfinite(fixedNanos)
                    || Double.isInfinite(perItemNanos)) {
                throw new IllegalArgumentException("a cost needs fixedNanos >= 0 and perItemNanos > 0");
            }
        }
    }

    /** One device of one backend, as measured. */
    public record Device(String backend, String name, String driverVersion, Map<Scheme, Cost> verify) {
        public Device {
            verify = Map.copyOf(verify);
        }
    }

    private static final CostPriors NONE = new CostPriors(List.of(), null);

    private final List<Device> devices;
    private final String writtenAt;

    private CostPriors(List<Device> devices, String writtenAt) {
        this.devices = List.copyOf(devices);
        this.writtenAt = writtenAt;
    }

    public static CostPriors none() {
        return NONE;
    }

    public static CostPriors of(List<Device> devices) {
        return new CostPriors(devices, Instant.now().toString());
    }

    public List<Device> devices() {
        return devices;
    }

    /** When the costs were measured (ISO-8601), if known. */
    public Optional<String> writtenAt() {
        return Optional.ofNullable(writtenAt);
    }

    /**
     * Reads {@code <dataDir>/costs.json}; none when there is no such file.
     *
     * @throws IllegalArgumentException when the file exists but cannot be read or is not this format
     */
    public static CostPriors read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            JsonObject root = new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
            if (root.getInteger("format", -1) != FORMAT) {
                throw new IllegalArgumentException(file + ": not a costs file of format " + FORMAT);
            }
            List<Device> out = new ArrayList<>();
            for (Object o : root.getJsonArray("devices", new JsonArray())) {
                JsonObject d = (JsonObject) o;
                Map<Scheme, Cost> verify = new EnumMap<>(Scheme.class);
                JsonObject v = d.getJsonObject("verify", new JsonObject());
                for (String scheme : v.fieldNames()) {
                    Optional<Scheme> s = Scheme.fromWire(scheme);
                    if (s.isPresent()) {
                        JsonObject c = v.getJsonObject(scheme);
                        verify.put(s.get(), new Cost(c.getDouble("fixedNanos"), c.getDouble("perItemNanos")));
                    }
                }
                out.add(new Device(d.getString("backend"), d.getString("name"), d.getString("driverVersion", ""),
                        verify));
            }
            return new CostPriors(out, root.getString("writtenAt"));
        } catch (IOException | DecodeException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException(file + " cannot be read as measured costs: " + e.getMessage(), e);
        }
    }

    /** Writes {@code <dataDir>/costs.json} (replacing it whole). */
    public void write(Path dataDir) throws IOException {
        JsonArray list = new JsonArray();
        for (Device d : devices) {
            JsonObject verify = new JsonObject();
            d.verify().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> verify.put(
                    e.getKey().wireName(), new JsonObject().put("fixedNanos", e.getValue().fixedNanos())
                            .put("perItemNanos", e.getValue().perItemNanos())));
            list.add(new JsonObject().put("backend", d.backend()).put("name", d.name())
                    .put("driverVersion", d.driverVersion()).put("verify", verify));
        }
        JsonObject root = new JsonObject().put("format", FORMAT).put("writtenBy", "sigil gpu-check")
                .put("writtenAt", writtenAt).put("devices", list);
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, FILE, ".tmp");
        Files.writeString(tmp, root.encodePrettily(), StandardCharsets.UTF_8);
        Files.move(tmp, dataDir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The measured cost of the scheme on the backend with this id and device text: its devices' costs combined, or
     * empty when some device of it was not measured for the scheme.
     */
    public Optional<Cost> verify(String backendId, String deviceText, Scheme scheme) {
        double rate = 0;
        double fixed = 0;
        String[] names = deviceText.split(", ");
        for (String name : names) {
            Optional<Cost> c = devices.stream().filter(d -> d.backend().equals(backendId) && d.name().equals(name))
                    .map(d -> d.verify().get(scheme)).filter(java.util.Objects::nonNull).findFirst();
            if (c.isEmpty()) {
                return Optional.empty();
            }
            rate += 1 / c.get().perItemNanos();
            fixed = Math.max(fixed, c.get().fixedNanos());
        }
        return names.length == 0 ? Optional.empty() : Optional.of(new Cost(fixed, 1 / rate));
    }
}
