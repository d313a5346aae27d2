package io.hybridllm.worker.local.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.worker.core.CallResult;

class OllamaResponsesTest {

    private static final String BASE = "http://gpu-1:11434";

    private static ErrorInfo error(CallResult result) {
        assertThat(result).isInstanceOf(CallResult.Failed.class);
        return ((CallResult.Failed) result).error();
    }

    @Test
    void answerCarriesTheContentAndOllamasOwnTokenCounts() {
        CallResult result = OllamaResponses.of(200, """
                {"model":"llama3.2:1b","message":{"role":"assistant","content":"2, 3 and 5"},
                 "done":true,"prompt_eval_count":26,"eval_count":7}""");
        assertThat(result).isEqualTo(new CallResult.Answered("2, 3 and 5", new TokenUsage(26, 7)));
    }

    @Test
    void promptServedFromTheCacheCountsZeroPromptTokens() {
        CallResult result = OllamaResponses.of(200, """
                {"message":{"role":"assistant","content":"ok"},"done":true,"eval_count":2}""");
        assertThat(result).isEqualTo(new CallResult.Answered("ok", new TokenUsage(0, 2)));
    }

    @Test
    void answerWithoutContentOrWithMalformedJsonIsAProviderError() {
        assertThat(error(OllamaResponses.of(200, "{\"done\":true}")))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_ERROR, "ollama answered without message.content"));
        assertThat(error(OllamaResponses.of(200, "<html>proxy</html>")).code()).isEqualTo(ErrorCode.PROVIDER_ERROR);
        assertThat(error(OllamaResponses.of(200, "{\"error\":\"llama runner process has terminated\"}")).message())
                .isEqualTo("ollama failed: llama runner process has terminated");
    }

    @Test
    void statusesAreClassifiedWithOllamasMessage() {
        assertThat(error(OllamaResponses.of(404, "{\"error\":\"model \\\"x\\\" not found, try pulling it first\"}")))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_UNAVAILABLE,
                        "ollama cannot serve the model (HTTP 404): model \"x\" not found, try pulling it first"));
        assertThat(error(OllamaResponses.of(400, "{\"error\":\"invalid options\"}")).code())
                .isEqualTo(ErrorCode.INVALID_REQUEST);
        assertThat(error(OllamaResponses.of(503, "{\"error\":\"server busy, please try again\"}")).code())
                .isEqualTo(ErrorCode.OVERLOADED);
        assertThat(error(OllamaResponses.of(500, "{\"error\":\"out of memory\"}")))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_ERROR, "ollama failed (HTTP 500): out of memory"));
        assertThat(error(OllamaResponses.of(502, "Bad Gateway")).message())
                .isEqualTo("ollama failed (HTTP 502): Bad Gateway");
        assertThat(error(OllamaResponses.of(401, "")).code()).isEqualTo(ErrorCode.AUTHENTICATION);
    }

    @Test
    void transportFailuresSayWhatToCheck() {
        Duration timeout = Duration.ofSeconds(120);
        assertThat(error(OllamaResponses.of(new HttpTimeoutException("request timed out"), BASE, timeout)))
                .isEqualTo(new ErrorInfo(ErrorCode.TIMEOUT,
                        "ollama at http://gpu-1:11434 did not answer within 120000 ms (the provider's timeout_ms, else hybrid.local.timeout)"));
        assertThat(error(OllamaResponses.of(new HttpConnectTimeoutException("connect"), BASE, timeout)).code())
                .isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(error(OllamaResponses.of(new ConnectException(), BASE, timeout)).message())
                .startsWith("cannot connect to ollama at http://gpu-1:11434: connection refused");
        assertThat(error(OllamaResponses.of(new IOException("connection reset"), BASE, timeout)))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_UNAVAILABLE,
                        "connection to ollama at http://gpu-1:11434 failed: connection reset"));
    }
}
