package dev.sigil.service.grpc;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.EncodedItem;
import dev.sigil.crypto.Outcome;
import dev.sigil.crypto.ProblemCode;
import dev.sigil.crypto.Scheme;
import dev.sigil.crypto.Verdict;
import dev.sigil.grpc.v1.Item;
import dev.sigil.grpc.v1.Problem;
import dev.sigil.grpc.v1.Result;
import dev.sigil.grpc.v1.SignatureFormat;
import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.verify.VerifyRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Between the protobuf messages and the domain: items straight into the {@link VerifyRequest.Item}s the JSON API
 * builds, outcomes back into packed results and problems. Enums map by wire name ({@code ECDSA_P256} is
 * {@code ecdsa-p256}), so a scheme the domain gains is served as soon as the proto names it.
 */
public final class ProtoItems {
    private ProtoItems() {
    }

    /** Verify and recover items: the rules and backend words (null when empty) and each item decoded. */
    public static VerifyRequest request(String rules, String backend, List<Item> items, int maxItems) {
        return request(rules, backend, items, maxItems, false);
    }

    /** As {@link #request(String, String, List, int)}; {@code recovery}: the items carry no key (recover). */
    public static VerifyRequest request(String rules, String backend, List<Item> items, int maxItems,
            boolean recovery) {
        if (items.isEmpty()) {
            throw RequestException.invalid("items must hold at least one item");
        }
        if (items.size() > maxItems) {
            throw new RequestException(ErrorCode.BATCH_TOO_LARGE, "a batch holds at most " + maxItems + " items");
        }
        List<VerifyRequest.Item> out = new ArrayList<>(items.size());
        for (Item item : items) {
            out.add(item(item, recovery));
        }
        return new VerifyRequest(rules.isEmpty() ? null : rules, backend.isEmpty() ? null : backend, out);
    }

    /** One item, or a malformed one saying why. */
    static VerifyRequest.Item item(Item item) {
        return item(item, false);
    }

    /** One item of verify, or of recover ({@code recovery}: neither a key nor a certificate may be given). */
    static VerifyRequest.Item item(Item item, boolean recovery) {
        Optional<Scheme> scheme = scheme(item.getScheme());
        if (scheme.isEmpty()) {
            return malformed(ProblemCode.UNKNOWN_SCHEME, item.getScheme() == dev.sigil.grpc.v1.Scheme.SCHEME_UNSPECIFIED
                    ? "scheme is required" : "unknown scheme (number " + item.getSchemeValue() + ")");
        }
        if (recovery && !(item.getPublicKey().isEmpty() && item.getCertificate().isEmpty())) {
            return malformed(ProblemCode.MALFORMED_ITEM, "a recovery item carries no public_key or certificate");
        }
        if (!recovery && item.getPublicKey().isEmpty() == item.getCertificate().isEmpty()) {
            return malformed(ProblemCode.MALFORMED_ITEM, "exactly one of public_key and certificate is required");
        }
        dev.sigil.crypto.SignatureFormat format = null;
        if (item.getSignatureFormat() != SignatureFormat.DER) {
            // DER is the proto default, indistinguishable from absent: left null, exactly as a JSON item without it
            Optional<dev.sigil.crypto.SignatureFormat> f = signatureFormat(item.getSignatureFormat());
            if (f.isEmpty()) {
                return malformed(ProblemCode.UNSUPPORTED_SIGNATURE_FORMAT, "unknown signature_format (number "
                        + item.getSignatureFormatValue() + ")");
            }
            format = f.get();
        }
        byte[] message = item.getPayloadCase() == Item.PayloadCase.MESSAGE ? item.getMessage().toByteArray() : null;
        byte[] digest = item.getPayloadCase() == Item.PayloadCase.DIGEST ? item.getDigest().toByteArray() : null;
        byte[] userId = item.hasUserId() ? item.getUserId().toByteArray() : null;
        // a certificate goes through the same decoding (and key cache) as the JSON API's
        byte[] publicKey = item.getPublicKey().isEmpty() ? null : item.getPublicKey().toByteArray();
        byte[] certificate = item.getCertificate().isEmpty() ? null : item.getCertificate().toByteArray();
        return VerifyRequest.Item.of(scheme.get(), new EncodedItem(publicKey, message, digest,
                item.getSignature().toByteArray(), format, userId, certificate));
    }

    /**
     * The message a client sends for an encoded item (the inverse of {@link #item(Item)}): its bytes as they are, a
     * raw signature format named, DER (the default) left out.
     */
    public static Item toProto(dev.sigil.grpc.v1.Scheme scheme, EncodedItem e) {
        Item.Builder b = Item.newBuilder().setScheme(scheme).setSignature(ByteString.copyFrom(
                e.signature()));
        if (e.publicKey() != null) {
            b.setPublicKey(ByteString.copyFrom(e.publicKey()));
        }
        if (e.certificate() != null) {
            b.setCertificate(ByteString.copyFrom(e.certificate()));
        }
        if (e.message() != null) {
            b.setMessage(ByteString.copyFrom(e.message()));
        }
        if (e.digest() != null) {
            b.setDigest(ByteString.copyFrom(e.digest()));
        }
        if (e.userId() != null) {
            b.setUserId(ByteString.copyFrom(e.userId()));
        }
        if (e.format() != null && e.format() != dev.sigil.crypto.SignatureFormat.DER) {
            b.setSignatureFormat(signatureFormat(e.format()));
        }
        return b.build();
    }

    /** As {@link #toProto(dev.sigil.grpc.v1.Scheme, EncodedItem)}, for a domain scheme. */
    public static Item toProto(Scheme scheme, EncodedItem e) {
        return toProto(scheme(scheme), e);
    }

    private static VerifyRequest.Item malformed(ProblemCode code, String message) {
        return VerifyRequest.Item.malformed(Outcome.malformed(code, message));
    }

    /** The domain scheme of a proto scheme, by wire name; empty for unspecified and unknown numbers. */
    public static Optional<Scheme> scheme(dev.sigil.grpc.v1.Scheme scheme) {
        if (scheme == dev.sigil.grpc.v1.Scheme.SCHEME_UNSPECIFIED || scheme == dev.sigil.grpc.v1.Scheme.UNRECOGNIZED) {
            return Optional.empty();
        }
        return Scheme.fromWire(wireName(scheme.name()));
    }

    /** The proto scheme of a domain scheme; {@code SCHEME_UNSPECIFIED} for one the proto does not name. */
    public static dev.sigil.grpc.v1.Scheme scheme(Scheme scheme) {
        String constant = scheme.wireName().toUpperCase(Locale.ROOT).replace('-', '_');
        for (dev.sigil.grpc.v1.Scheme s : dev.sigil.grpc.v1.Scheme.values()) {
            if (s != dev.sigil.grpc.v1.Scheme.UNRECOGNIZED && s.name().equals(constant)) {
                return s;
            }
        }
        return dev.sigil.grpc.v1.Scheme.SCHEME_UNSPECIFIED;
    }

    /** The domain signature format of a proto one, by wire name; empty for unknown numbers. */
    public static Optional<dev.sigil.crypto.SignatureFormat> signatureFormat(SignatureFormat format) {
        if (format == SignatureFormat.UNRECOGNIZED) {
            return Optional.empty();
        }
        return dev.sigil.crypto.SignatureFormat.fromWire(wireName(format.name()));
    }

    /** The proto signature format of a domain one, by name. */
    public static SignatureFormat signatureFormat(dev.sigil.crypto.SignatureFormat format) {
        return SignatureFormat.valueOf(format.wireName().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String wireName(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The packed result of an outcome. */
    public static Result result(Outcome outcome) {
        return switch (outcome.verdict()) {
            case VALID -> Result.VALID;
            case INVALID -> Result.INVALID;
            case MALFORMED -> Result.MALFORMED;
        };
    }

    /** One problem per malformed outcome, with its index. */
    public static List<Problem> problems(Outcome[] outcomes) {
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].verdict() == Verdict.MALFORMED) {
                out.add(Problem.newBuilder().setIndex(i).setCode(outcomes[i].problem().code())
                        .setMessage(outcomes[i].detail() == null ? "" : outcomes[i].detail()).build());
            }
        }
        return out;
    }
}
