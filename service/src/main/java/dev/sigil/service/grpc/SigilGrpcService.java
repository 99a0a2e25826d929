package dev.sigil.service.grpc;

import com.google.protobuf.ByteString;
import dev.sigil.crypto.Outcome;
import dev.sigil.grpc.v1.RecoverRequest;
import dev.sigil.grpc.v1.RecoverResponse;
import dev.sigil.grpc.v1.SigilProto;
import dev.sigil.grpc.v1.SignRequest;
import dev.sigil.grpc.v1.SignResponse;
import dev.sigil.grpc.v1.VerifyRequest;
import dev.sigil.grpc.v1.VerifyResponse;
import dev.sigil.service.auth.Authenticator;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.http.Worker;
import dev.sigil.service.keys.KeyService;
import dev.sigil.service.ops.Metrics;
import dev.sigil.service.routing.Cancellation;
import dev.sigil.service.sign.SignItem;
import dev.sigil.service.sign.SignResult;
import dev.sigil.service.sign.SignService;
import dev.sigil.service.verify.RecoverResult;
import dev.sigil.service.verify.RecoverService;
import dev.sigil.service.verify.VerifyResult;
import dev.sigil.service.verify.VerifyService;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sigil.v1.Sigil} on Vert.x's gRPC server: the same services, authentication, limits, admission and worker
 * as the JSON API, with messages decoded straight into the domain requests. {@code Recover}'s items decode with
 * {@link ProtoItems#request} as verify's do, carrying no key.
 */
public final class SigilGrpcService {
    public static final ServiceName NAME = ServiceName.create("sigil.v1", "Sigil");

    static final ServiceMethod<VerifyRequest, VerifyResponse> VERIFY = ServiceMethod.server(NAME, "Verify",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(VerifyRequest.getDefaultInstance()));
    static final ServiceMethod<VerifyRequest, VerifyResponse> VERIFY_STREAM = ServiceMethod.server(NAME,
            "VerifyStream", GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(VerifyRequest.getDefaultInstance()));
    static final ServiceMethod<RecoverRequest, RecoverResponse> RECOVER = ServiceMethod.server(NAME, "Recover",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(RecoverRequest.getDefaultInstance()));
    static final ServiceMethod<SignRequest, SignResponse> SIGN = ServiceMethod.server(NAME, "Sign",
            GrpcMessageEncoder.encoder(), GrpcMessageDecoder.decoder(SignRequest.getDefaultInstance()));

    private final Authenticator auth;
    private final VerifyService verify;
    private final SignService sign;
    private final RecoverService recover;
    private final Worker worker;
    private final Metrics metrics;
    private final int maxItems;
    private final int streamWindow;

    /**
     * @param streamWindow the most requests of one {@code VerifyStream} read and not yet answered; past it (or while
     *                     the client does not read the answers) the stream is not read
     */
    public SigilGrpcService(Authenticator auth, VerifyService verify, SignService sign, RecoverService recover,
            Worker worker, Metrics metrics, int maxItems, int streamWindow) {
        this.recover = recover;
        this.auth = auth;
        this.verify = verify;
        this.sign = sign;
        this.worker = worker;
        this.metrics = metrics;
        this.maxItems = maxItems;
        this.streamWindow = streamWindow;
    }

    /** The service to add to a gRPC server (its descriptor serves reflection too). */
    public Service service() {
        return Service.service(NAME, SigilProto.getDescriptor().findServiceByName("Sigil"))
                .bind(VERIFY, this::verify)
                .bind(VERIFY_STREAM, this::verifyStream)
                .bind(RECOVER, this::recover)
                .bind(SIGN, this::sign)
                .build();
    }

    private void verify(GrpcServerRequest<VerifyRequest, VerifyResponse> request) {
        GrpcCall<VerifyRequest, VerifyResponse> call = new GrpcCall<>(metrics, request);
        request.invalidMessageHandler(call::fail);
        try {
            auth.requireVerify(call.authorization());
            verify.checkAdmission();
        } catch (RuntimeException e) {
            call.fail(e);
            return;
        }
        request.last().onFailure(call::fail).onSuccess(message -> worker.submit(call.cancellation(),
                c -> verifyOne(message, c), call::reply, call::fail));
    }

    /** Decodes, verifies and encodes one request; runs on the worker. */
    VerifyResponse verifyOne(VerifyRequest message, Cancellation cancellation) throws Exception {
        verify.checkAdmission();
        dev.sigil.service.verify.VerifyRequest request = worker.cpu(() -> ProtoItems.request(message.getRules(),
                message.getBackend(), message.getItemsList(), maxItems));
        VerifyResult result = verify.verify(request, cancellation);
        return worker.cpu(() -> encode(result));
    }

    static VerifyResponse encode(VerifyResult result) {
        VerifyResponse.Builder out = VerifyResponse.newBuilder().setRules(result.rules().wireName());
        for (Outcome o : result.outcomes()) {
            out.addResults(ProtoItems.result(o));
        }
        out.addAllProblems(ProtoItems.problems(result.outcomes()));
        result.backends().forEach((id, n) -> out.putBackends(id, n));
        return out.build();
    }

    private void recover(GrpcServerRequest<RecoverRequest, RecoverResponse> request) {
        GrpcCall<RecoverRequest, RecoverResponse> call = new GrpcCall<>(metrics, request);
        request.invalidMessageHandler(call::fail);
        try {
            auth.requireVerify(call.authorization());
            recover.checkAdmission();
        } catch (RuntimeException e) {
            call.fail(e);
            return;
        }
        request.last().onFailure(call::fail).onSuccess(message -> worker.submit(call.cancellation(), c -> {
            dev.sigil.service.verify.VerifyRequest decoded = worker.cpu(() -> ProtoItems.request(message.getRules(),
                    message.getBackend(), message.getItemsList(), maxItems, true));
            RecoverResult result = recover.recover(decoded, c);
            return worker.cpu(() -> encode(result));
        }, call::reply, call::fail));
    }

    /** Results, keys and addresses in item order; entries of items that are not VALID are empty bytes. */
    static RecoverResponse encode(RecoverResult result) {
        RecoverResponse.Builder out = RecoverResponse.newBuilder().setRules(result.rules().wireName());
        for (int i = 0; i < result.outcomes().length; i++) {
            out.addResults(ProtoItems.result(result.outcomes()[i]));
            byte[] key = result.publicKeys()[i];
            byte[] address = result.addresses()[i];
            out.addPublicKeys(key == null ? ByteString.EMPTY : ByteString.copyFrom(key));
            out.addAddresses(address == null ? ByteString.EMPTY : ByteString.copyFrom(address));
        }
        out.addAllProblems(ProtoItems.problems(result.outcomes()));
        result.backends().forEach((id, n) -> out.putBackends(id, n));
        return out.build();
    }

    private void verifyStream(GrpcServerRequest<VerifyRequest, VerifyResponse> request) {
        GrpcCall<VerifyRequest, VerifyResponse> call = new GrpcCall<>(metrics, request);
        request.pause();
        try {
            auth.requireVerify(call.authorization());
        } catch (RuntimeException e) {
            call.fail(e);
            return;
        }
        new VerifyStreamCall(call, worker, this::verifyOne, streamWindow).start();
    }

    private void sign(GrpcServerRequest<SignRequest, SignResponse> request) {
        GrpcCall<SignRequest, SignResponse> call = new GrpcCall<>(metrics, request);
        request.invalidMessageHandler(call::fail);
        String authorization = call.authorization();
        try {
            auth.identify(authorization);
        } catch (RuntimeException e) {
            call.fail(e);
            return;
        }
        request.last().onFailure(call::fail).onSuccess(message -> worker.submit(call.cancellation(), c -> {
            String keyId = message.getKeyId();
            KeyService.checkKeyId(keyId);
            auth.requireSign(authorization, keyId);
            // DER is the proto default, indistinguishable from absent: left null, exactly as a JSON body without it
            String format = message.getSignatureFormat() == dev.sigil.grpc.v1.SignatureFormat.DER ? null
                    : ProtoItems.signatureFormat(message.getSignatureFormat())
                            .orElseThrow(() -> RequestException.invalid("unknown signature_format (number "
                                    + message.getSignatureFormatValue() + ")")).wireName();
            return encode(sign.sign(keyId, format, items(message)));
        }, call::reply, call::fail));
    }

    private List<SignItem> items(SignRequest message) {
        if (message.getItemsCount() == 0) {
            throw RequestException.invalid("items must hold at least one item");
        }
        if (message.getItemsCount() > maxItems) {
            throw new RequestException(dev.sigil.service.error.ErrorCode.BATCH_TOO_LARGE,
                    "a batch holds at most " + maxItems + " items");
        }
        List<SignItem> out = new ArrayList<>(message.getItemsCount());
        for (dev.sigil.grpc.v1.SignItem item : message.getItemsList()) {
            byte[] m = item.getPayloadCase() == dev.sigil.grpc.v1.SignItem.PayloadCase.MESSAGE
                    ? item.getMessage().toByteArray() : null;
            byte[] d = item.getPayloadCase() == dev.sigil.grpc.v1.SignItem.PayloadCase.DIGEST
                    ? item.getDigest().toByteArray() : null;
            out.add(new SignItem(m, d, item.hasUserId() ? item.getUserId().toByteArray() : null));
        }
        return out;
    }

    private static SignResponse encode(SignResult result) {
        SignResponse.Builder out = SignResponse.newBuilder().setKeyId(result.keyId())
                .setScheme(ProtoItems.scheme(result.publicKey().scheme()))
                .setPublicKey(ByteString.copyFrom(result.publicKey().encoded()))
                .setBackend(result.backend());
        result.signatures().forEach(s -> out.addSignatures(ByteString.copyFrom(s)));
        return out.build();
    }
}
