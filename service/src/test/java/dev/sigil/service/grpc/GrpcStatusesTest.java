package dev.sigil.service.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sigil.service.error.ErrorCode;
import dev.sigil.service.error.OverloadedException;
import dev.sigil.service.error.RequestException;
import dev.sigil.service.routing.CancelledException;
import io.vertx.grpc.common.GrpcStatus;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's table of whole-request errors to gRPC statuses, for every code the service has. */
class GrpcStatusesTest {
    @Test
    void everyErrorCode_hasTheContractsStatus() {
        Map<ErrorCode, GrpcStatus> expected = new EnumMap<>(ErrorCode.class);
        expected.put(ErrorCode.MALFORMED_JSON, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.INVALID_REQUEST, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.NO_SUCH_ENDPOINT, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.METHOD_NOT_ALLOWED, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.REQUEST_TIMEOUT, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.URI_TOO_LONG, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.HEADERS_TOO_LARGE, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.NOT_IMPLEMENTED, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.UNKNOWN_RULES, GrpcStatus.INVALID_ARGUMENT);
        expected.put(ErrorCode.BATCH_TOO_LARGE, GrpcStatus.RESOURCE_EXHAUSTED);
        expected.put(ErrorCode.PAYLOAD_TOO_LARGE, GrpcStatus.RESOURCE_EXHAUSTED);
        expected.put(ErrorCode.UNAUTHENTICATED, GrpcStatus.UNAUTHENTICATED);
        expected.put(ErrorCode.FORBIDDEN, GrpcStatus.PERMISSION_DENIED);
        expected.put(ErrorCode.UNKNOWN_KEY, GrpcStatus.NOT_FOUND);
        expected.put(ErrorCode.KEY_EXISTS, GrpcStatus.ALREADY_EXISTS);
        expected.put(ErrorCode.BACKEND_NOT_OFFERED, GrpcStatus.FAILED_PRECONDITION);
        expected.put(ErrorCode.BACKEND_UNAVAILABLE, GrpcStatus.UNAVAILABLE);
        expected.put(ErrorCode.OVERLOADED, GrpcStatus.RESOURCE_EXHAUSTED);
        expected.put(ErrorCode.INTERNAL, GrpcStatus.INTERNAL);
        assertThat(expected.keySet()).containsExactlyInAnyOrder(ErrorCode.values());
        expected.forEach((code, status) -> assertThat(GrpcStatuses.status(code)).as(code.name()).isEqualTo(status));
    }

    @Test
    void theMessage_startsWithTheCodeWord() {
        assertThat(GrpcStatuses.message(new RequestException(ErrorCode.KEY_EXISTS, "the key id is taken")))
                .isEqualTo("key-exists: the key id is taken");
        assertThat(GrpcStatuses.message(new OverloadedException("busy", 2))).isEqualTo("overloaded: busy");
    }

    @Test
    void failuresThatAreNotRequestErrors_becomeOverloadedOrInternal_withoutTheirDetail() {
        assertThat(GrpcStatuses.toRequestException(new CancelledException(), "/m").code())
                .isEqualTo(ErrorCode.OVERLOADED);
        RequestException internal = GrpcStatuses.toRequestException(new IllegalStateException("secret detail"), "/m");
        assertThat(internal.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(internal.getMessage()).doesNotContain("secret");
    }

    @Test
    void percentEncoding_escapesOnlyWhatTheProtocolSays() {
        assertThat(GrpcStatuses.percentEncode("unknown-rules: a, b (100%)")).isEqualTo("unknown-rules: a, b (100%25)");
        assertThat(GrpcStatuses.percentEncode("key \u00e9\n")).isEqualTo("key %C3%A9%0A");
    }
}
