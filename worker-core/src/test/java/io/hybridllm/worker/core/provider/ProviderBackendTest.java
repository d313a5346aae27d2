package io.hybridllm.worker.core.provider;

import static io.hybridllm.worker.core.provider.Calls.backend;
import static io.hybridllm.worker.core.provider.Calls.error;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.testkit.support.FreePorts;

/** What every provider shares: timeouts, transport failures, answers in no documented shape, redaction. */
class ProviderBackendTest {

    private static final String KEY = "sk-shared-0123456789";

    private HttpServer server;
    private volatile int status;
    private volatile String body;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 16);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private ErrorInfo answer(int status, String body) throws InterruptedException {
        this.status = status;
        this.body = body;
        return error(backend(ProviderKind.OPENAI, "openai", "http://localhost:" + server.getAddress().getPort(), KEY)
                .chat("m", Calls.hello()));
    }

    @Test
    void answersInNoDocumentedShapeAreProviderErrors() throws Exception {
        assertThat(answer(200, "<html>hi</html>")).isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_ERROR,
                "openai answered HTTP 200 with a body that is not a JSON object: <html>hi</html>"));
        assertThat(answer(200, "{\"id\":\"x\",\"choices\":[]}"))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_ERROR, "openai answered without choices"));
        assertThat(answer(200, "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null}}]}").message())
                .isEqualTo("openai answered without choices[0].message.content");
        assertThat(answer(200,
                "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":null,"
                        + "\"refusal\":\"I can't help with that.\"}}]}"))
                                .isEqualTo(new ErrorInfo(ErrorCode.CONTENT_FILTERED,
                                        "the model refused to answer: I can't help with that."));
        assertThat(answer(200, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}").code())
                .isEqualTo(ErrorCode.PROVIDER_ERROR);
    }

    @Test
    void aCallWithoutAModelIsAnInvalidRequestNotAnException() throws Exception {
        ProviderBackend gemini = backend(ProviderKind.GEMINI, "gemini",
                "http://localhost:" + server.getAddress().getPort(), KEY);
        assertThat(error(gemini.chat(" ", Calls.hello())))
                .isEqualTo(new ErrorInfo(ErrorCode.INVALID_REQUEST, "no model named for gemini"));
    }

    @Test
    void aBaseUrlThatIsNotTheApiIsUnavailable() throws Exception {
        assertThat(answer(404, "404 page not found")).isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_UNAVAILABLE,
                "openai is not at the configured base URL (HTTP 404): 404 page not found"));
        assertThat(answer(502, "").message()).isEqualTo("openai failed (HTTP 502): no error message");
    }

    @Test
    void theKeyInUseIsRedactedFromAnyEcho() throws Exception {
        assertThat(answer(400, "{\"error\":{\"message\":\"bad header Bearer " + KEY + "\"}}").message())
                .doesNotContain(KEY).contains("bad header Bearer [redacted]");
        assertThat(answer(200, "echo " + KEY).message()).doesNotContain(KEY);
    }

    @Test
    void aSlowAnswerTimesOutAndNothingListeningIsUnavailable() throws Exception {
        try (OpenAiSimulator slow = OpenAiSimulator.start(Duration.ofSeconds(3), List.of("m"), KEY)) {
            ProviderBackend backend = new ProviderBackend(ProviderSettings
                    .of("openai", ProviderKind.OPENAI, slow.baseUrl() + "/v1", KeySupplier.fixed(KEY, "K"))
                    .withTimeouts(Calls.SECOND, Duration.ofMillis(300), Calls.SECOND));
            assertThat(error(backend.chat("m", Calls.hello()))).isEqualTo(new ErrorInfo(ErrorCode.TIMEOUT,
                    "openai at " + slow.baseUrl() + "/v1 did not answer within 300 ms (the provider's timeout)"));
        }
        String nowhere = "http://localhost:" + FreePorts.next();
        assertThat(error(backend(ProviderKind.ANTHROPIC, "claude", nowhere, KEY).chat("m", Calls.hello())))
                .isEqualTo(new ErrorInfo(ErrorCode.PROVIDER_UNAVAILABLE,
                        "cannot connect to claude at " + nowhere + ": connection refused"));
    }
}
