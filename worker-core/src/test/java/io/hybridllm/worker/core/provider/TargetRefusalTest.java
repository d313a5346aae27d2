package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.worker.core.CallResult;
import io.hybridllm.worker.core.resilience.RetryPolicy;

/**
 * A 4xx is either the request's fault (it ends the request) or this target's (a missing or retired model, a parameter
 * it does not support, content it alone rejects), which fails over to the next target. Bodies as the providers document
 * them.
 */
class TargetRefusalTest {

    private static ErrorCode classify(ProviderKind kind, int status, String body) {
        WireFormat format = WireFormats
                .of(ProviderSettings.of("p", kind, "http://localhost:1", KeySupplier.fixed("k", "KEY")));
        JsonNode root = ErrorBodies.parse(body);
        return format.error(status, root, body).code();
    }

    @Test
    void whatAnotherTargetWouldTakeFailsOver() {
        assertThat(classify(ProviderKind.OPENAI, 404,
                "{\"error\":{\"message\":\"The model `gpt-3` does not exist"
                        + " or you do not have access to it.\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":\"model_not_found\"}}")).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(classify(ProviderKind.OPENAI, 400, "{\"error\":{\"message\":\"Unsupported parameter: 'max_tokens'"
                + " is not supported with this model.\",\"type\":\"invalid_request_error\",\"param\":\"max_tokens\","
                + "\"code\":\"unsupported_parameter\"}}")).isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(classify(ProviderKind.ANTHROPIC, 400, "{\"type\":\"error\",\"error\":{\"type\":"
                + "\"invalid_request_error\",\"message\":\"messages: text content blocks must be non-empty\"}}"))
                        .isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(classify(ProviderKind.ANTHROPIC, 404,
                "{\"type\":\"error\",\"error\":{\"type\":" + "\"not_found_error\",\"message\":\"model: claude-2.0\"}}"))
                        .isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(classify(ProviderKind.GEMINI, 404,
                "{\"error\":{\"code\":404,\"message\":\"models/gemini-1.0-pro"
                        + " is not found for API version v1beta\",\"status\":\"NOT_FOUND\"}}"))
                                .isEqualTo(ErrorCode.TARGET_UNSUITABLE);
        assertThat(classify(ProviderKind.MISTRAL, 400, "{\"message\":\"Model does not support tool calling\"}"))
                .isEqualTo(ErrorCode.TARGET_UNSUITABLE);
    }

    @Test
    void aMalformedRequestStillEndsIt() {
        assertThat(classify(ProviderKind.OPENAI, 400,
                "{\"error\":{\"message\":\"'messages' must contain at least"
                        + " one message\",\"type\":\"invalid_request_error\",\"code\":null}}"))
                                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(
                classify(ProviderKind.GEMINI, 400,
                        "{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload"
                                + " received.\",\"status\":\"INVALID_ARGUMENT\"}}"))
                                        .isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    @Test
    void theRetryPolicyMovesToTheNextTargetOnATargetsRefusal() {
        RetryPolicy policy = new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(5));
        assertThat(policy.decide(new CallResult.Failed(new ErrorInfo(ErrorCode.TARGET_UNSUITABLE, "no such model")), 0,
                Duration.ofSeconds(10), false, () -> 0.5)).isEqualTo(RetryPolicy.Next.TARGET);
        assertThat(policy.decide(new CallResult.Failed(new ErrorInfo(ErrorCode.INVALID_REQUEST, "bad")), 0,
                Duration.ofSeconds(10), false, () -> 0.5)).isEqualTo(RetryPolicy.Next.STOP);
    }
}
