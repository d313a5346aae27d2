package io.hybridllm.worker.cloud.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.worker.core.CallResult;

class OpenAiResponsesTest {

    private static final String KEY = "sk-proj-AbCdEf0123456789";

    private static ErrorInfo error(int status, String body) {
        return error(status, Optional.empty(), body);
    }

    private static ErrorInfo error(int status, Optional<String> retryAfter, String body) {
        CallResult result = OpenAiResponses.of(status, retryAfter, body, KEY);
        assertThat(result).isInstanceOf(CallResult.Failed.class);
        return ((CallResult.Failed) result).error();
    }

    private static String openAiError(String message, String type, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }

    @Test
    void completionCarriesTheContentAndOpenAisTokenCounts() {
        CallResult result = OpenAiResponses.of(200, Optional.empty(), """
                {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-4o-mini",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"No."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":31,"completion_tokens":2,"total_tokens":33}}""", KEY);
        assertThat(result).isEqualTo(new CallResult.Answered("No.", new TokenUsage(31, 2)));
    }

    @Test
    void answerWithoutChoicesOrWithMalformedJsonIsAProviderError() {
        assertThat(error(200, "{\"id\":\"x\",\"choices\":[]}"))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_ERROR, "openai answered without choices"));
        assertThat(error(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\"}}"))
                .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorCode.PROVIDER_ERROR))
                .satisfies(e -> assertThat(e.message()).startsWith("openai answered HTTP 200 with malformed JSON"));
        assertThat(error(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}").message())
                .isEqualTo("openai answered without choices[0].message.content");
    }

    @Test
    void filteredAnswersAreContentFiltered() {
        assertThat(
                error(200,
                        "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                                + "\"finish_reason\":\"content_filter\"}]}").code())
                                        .isEqualTo(ErrorCode.CONTENT_FILTERED);
        assertThat(error(200,
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                        + "\"refusal\":\"I can't help with that.\"},\"finish_reason\":\"stop\"}]}"))
                                .isEqualTo(new ErrorInfo(ErrorCode.CONTENT_FILTERED,
                                        "the model refused to answer: I can't help with that."));
        assertThat(error(400, openAiError("filtered", "invalid_request_error", "content_filter")).code())
                .isEqualTo(ErrorCode.CONTENT_FILTERED);
    }

    @Test
    void errorsAreClassifiedByCodeThenStatus() {
        assertThat(error(400, openAiError("This model's maximum context length is 128000 tokens.",
                "invalid_request_error", "context_length_exceeded")))
                        .isEqualTo(new ErrorInfo(ErrorCode.CONTEXT_TOO_LONG, "the prompt is too long for the model "
                                + "(HTTP 400, context_length_exceeded): This model's maximum context length is 128000 tokens."));
        assertThat(error(400, openAiError("Invalid 'temperature'", "invalid_request_error", null)))
                .isEqualTo(new ErrorInfo(ErrorCode.INVALID_REQUEST,
                        "openai refused the request (HTTP 400): Invalid 'temperature'"));
        assertThat(error(429, Optional.of("20"), openAiError("Rate limit reached", "requests", "rate_limit_exceeded")))
                .isEqualTo(new ErrorInfo(ErrorCode.RATE_LIMITED,
                        "openai rate limit reached (HTTP 429, rate_limit_exceeded; Retry-After: 20): Rate limit reached"));
        assertThat(error(403, openAiError("Country not supported", "request_forbidden", null)).code())
                .isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error(500, openAiError("The server had an error", "server_error", null)).code())
                .isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(error(502, "<html>Bad gateway</html>").message())
                .isEqualTo("openai failed (HTTP 502): <html>Bad gateway</html>");
        assertThat(error(503, openAiError("The engine is currently overloaded", "server_error", null)).code())
                .isEqualTo(ErrorCode.OVERLOADED);
        assertThat(error(529, "").code()).isEqualTo(ErrorCode.OVERLOADED);
        assertThat(error(504, "").code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(error(404, "404 page not found").code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void anEchoedKeyIsRedacted() {
        ErrorInfo exact = error(401,
                openAiError(
                        "Incorrect API key provided: " + KEY
                                + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                        "invalid_request_error", "invalid_api_key"));
        assertThat(exact.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(exact.message()).doesNotContain(KEY).contains("Incorrect API key provided: [redacted].");

        ErrorInfo masked = error(401, openAiError("Incorrect API key provided: sk-proj-****6789.",
                "invalid_request_error", "invalid_api_key"));
        assertThat(masked.message()).doesNotContain("6789").contains("sk-[redacted]");
    }

    @Test
    void transportFailuresAreTimeoutsOrUnavailability() {
        String base = "https://api.openai.com/v1";
        assertThat(((CallResult.Failed) OpenAiResponses.of(new HttpTimeoutException("timed out"), base,
                Duration.ofSeconds(120))).error()).isEqualTo(new ErrorInfo(ErrorCode.TIMEOUT,
                        "openai at https://api.openai.com/v1 did not answer within 120000 ms (hybrid.cloud.openai.timeout)"));
        assertThat(((CallResult.Failed) OpenAiResponses.of(new ConnectException(), base, Duration.ofSeconds(1))).error()
                .code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }
}
