package dev.sigil.bench;

import dev.sigil.crypto.Hex;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.testing.AdversarialItems;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.service.grpc.ProtoItems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /v1/verify bodies for the load test: each request mixes the schemes round-robin and carries the pools'
 * tampered items too, and its answer is accepted only with status 200 and exactly the expected number of
 * {@code "valid"} results, and, when pinned to a backend, only when that backend verified every item.
 */
final class VerifyRequests {
    private VerifyRequests() {
    }

    /** One item of a planned request: its scheme, the signed item, and whether it should verify. */
    record Planned(Scheme scheme, AdversarialItems.Signed item, boolean valid) {
    }

    /** A gRPC request and the number of its items that must come back VALID. */
    record GrpcRequest(VerifyRequest request, int expectedValid) {
    }

    /**
     * {@code count} requests of {@code itemsPerRequest} items, mixing the schemes round robin and drawing from the
     * pools (tampered items included), the same for every transport.
     */
    static List<List<Planned>> plan(BenchPools pools, List<Scheme> schemes, int itemsPerRequest, int count) {
        int perScheme = (itemsPerRequest * count + schemes.size() - 1) / schemes.size();
        List<List<AdversarialItems.Signed>> items = new ArrayList<>();
        List<boolean[]> valid = new ArrayList<>();
        for (Scheme s : schemes) {
            items.add(pools.items(s, perScheme));
            valid.add(pools.expectedValid(s, perScheme));
        }
        List<List<Planned>> out = new ArrayList<>();
        int[] next = new int[schemes.size()];
        for (int r = 0; r < count; r++) {
            List<Planned> request = new ArrayList<>(itemsPerRequest);
            for (int k = 0; k < itemsPerRequest; k++) {
                int si = (r * itemsPerRequest + k) % schemes.size();
                int idx = next[si]++ % perScheme;
                request.add(new Planned(schemes.get(si), items.get(si).get(idx), valid.get(si)[idx]));
            }
            out.add(request);
        }
        return out;
    }

    /** {@code count} bodies of {@code itemsPerRequest} items; {@code backend} (may be null) pins them to one backend. */
    static List<LoadGenerator.Body> bodies(BenchPools pools, List<Scheme> schemes, int itemsPerRequest, int count,
            String backend) {
        List<LoadGenerator.Body> out = new ArrayList<>();
        for (List<Planned> request : plan(pools, schemes, itemsPerRequest, count)) {
            StringBuilder json = new StringBuilder(itemsPerRequest * 400).append("{\"rules\":\"standard\",");
            if (backend != null) {
                json.append("\"backend\":").append(Json.quote(backend)).append(',');
            }
            json.append("\"items\":[");
            int expected = 0;
            for (int k = 0; k < request.size(); k++) {
                if (k > 0) {
                    json.append(',');
                }
                item(json, request.get(k).scheme(), request.get(k).item());
                expected += request.get(k).valid() ? 1 : 0;
            }
            json.append("]}");
            int want = expected;
            out.add(new LoadGenerator.Body(json.toString().getBytes(StandardCharsets.UTF_8),
                    (status, body) -> status == 200 && LoadGenerator.countWord(body, "valid") == want
                            && (backend == null || ranOnlyOn(body, backend))));
        }
        return out;
    }

    /** The same requests as {@link #bodies}, as {@code sigil.v1} messages (bytes instead of hex). */
    static List<GrpcRequest> grpc(BenchPools pools, List<Scheme> schemes, int itemsPerRequest, int count,
            String backend) {
        List<GrpcRequest> out = new ArrayList<>();
        for (List<Planned> request : plan(pools, schemes, itemsPerRequest, count)) {
            VerifyRequest.Builder b = VerifyRequest.newBuilder().setRules("standard");
            if (backend != null) {
                b.setBackend(backend);
            }
            int expected = 0;
            for (Planned p : request) {
                b.addItems(ProtoItems.toProto(p.scheme(), p.item().encoded()));
                expected += p.valid() ? 1 : 0;
            }
            out.add(new GrpcRequest(b.build(), expected));
        }
        return out;
    }

    private static final Pattern BACKENDS = Pattern.compile("\"backends\"\\s*:\\s*\\{([^}]*)}");
    private static final Pattern KEY = Pattern.compile("\"([^\"]+)\"\\s*:");

    /**
     * True when the answer's {@code backends} counts name the pinned backend alone. A pinned batch that the service
     * failed over to another backend (the pinned one failed) is answered correctly but did not run where it was
     * pinned: the load test counts it as an error, never as that backend's throughput.
     */
    static boolean ranOnlyOn(byte[] body, String backend) {
        Matcher m = BACKENDS.matcher(new String(body, StandardCharsets.UTF_8));
        if (!m.find()) {
            return false;
        }
        Matcher k = KEY.matcher(m.group(1));
        boolean any = false;
        while (k.find()) {
            if (!k.group(1).equals(backend)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static void item(StringBuilder json, Scheme scheme, AdversarialItems.Signed s) {
        json.append("{\"scheme\":\"").append(scheme.wireName())
                .append("\",\"publicKey\":\"").append(Hex.encode(s.key().publicKey().encoded()))
                .append("\",\"message\":\"").append(Hex.encode(s.message()))
                .append("\",\"signature\":\"").append(Hex.encode(s.encodedSignature())).append("\"}");
    }
}
