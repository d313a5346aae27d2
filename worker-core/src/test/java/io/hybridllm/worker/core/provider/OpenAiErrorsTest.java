package io.hybridllm.worker.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo.ErrorCode;

/** Error bodies of the OpenAI-shaped providers the simulator does not imitate, as their users have reported them. */
class OpenAiErrorsTest {

    private static ProviderError read(int status, String body) {
        return OpenAiErrors.read(status, ErrorBodies.parse(body), body);
    }

    @Test
    void xaiAnswersAWrongKeyWith400AndATopLevelErrorString() {
        ProviderError error = read(400,
                "{\"code\":\"Client specified an invalid argument\",\"error\":\"Incorrect API key"
                        + " provided: na***ys. You can obtain an API key from https://console.x.ai.\"}");
        assertThat(error.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(error.text()).startsWith("Incorrect API key provided:");
        assertThat(Redaction.redact(error.text(), null)).doesNotContain("na***ys");
    }

    @Test
    void mistralsBodiesAreReadToo() {
        assertThat(read(401, "{\"message\":\"Unauthorized\",\"request_id\":\"c61f2f15\"}"))
                .isEqualTo(new ProviderError(ErrorCode.AUTHENTICATION, "", "Unauthorized"));
        assertThat(read(400, "{\"object\":\"error\",\"message\":\"Prompt contains 40000 tokens and 0 draft tokens, too "
                + "large for model with 32768 maximum context length\",\"type\":\"invalid_request_error\",\"param\":null,"
                + "\"code\":null}").code()).isEqualTo(ErrorCode.CONTEXT_TOO_LONG);
        assertThat(read(422,
                "{\"object\":\"error\",\"message\":{\"detail\":[{\"type\":\"less_than_equal\","
                        + "\"loc\":[\"body\",\"temperature\"]}]},\"type\":\"invalid_request_error\"}"))
                                .satisfies(error -> assertThat(error.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                                .satisfies(error -> assertThat(error.text()).contains("less_than_equal"));
        assertThat(read(429, "{\"message\":\"Requests rate limit exceeded\"}").code())
                .isEqualTo(ErrorCode.RATE_LIMITED);
    }

    @Test
    void azureCodesAndCompatibleServersAreRead() {
        assertThat(read(429, "{\"error\":{\"code\":\"429\",\"message\":\"Please retry after 6 seconds.\"}}"))
                .isEqualTo(new ProviderError(ErrorCode.RATE_LIMITED, "", "Please retry after 6 seconds."));
        assertThat(read(400,
                "{\"error\":{\"message\":\"The response was filtered\",\"code\":null,"
                        + "\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}}").code())
                                .isEqualTo(ErrorCode.CONTENT_FILTERED);
        // vLLM: OpenAI's message, without OpenAI's code.
        assertThat(read(400, "{\"object\":\"error\",\"message\":\"This model's maximum context length is 16384 tokens."
                + " However, you requested 19591 tokens\",\"type\":\"BadRequestError\",\"param\":null,\"code\":400}")
                        .code()).isEqualTo(ErrorCode.CONTEXT_TOO_LONG);
        assertThat(
                read(403, "{\"error\":{\"message\":\"Country not supported\",\"type\":\"request_forbidden\"}}").code())
                        .isEqualTo(ErrorCode.AUTHENTICATION);
    }

    @Test
    void withoutAJsonBodyTheStatusDecides() {
        assertThat(read(502, "<html>Bad gateway</html>"))
                .isEqualTo(new ProviderError(ErrorCode.PROVIDER_ERROR, "", "<html>Bad gateway</html>"));
        assertThat(read(404, "404 page not found").code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(read(504, "").code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(read(529, "").text()).isEqualTo("no error message");
    }
}
