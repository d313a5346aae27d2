package io.hybridllm.launcher.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The OpenAI-compatible path: {@code POST /v1/chat/completions}, answered on the same connection. Its answer does not
 * report the model's time, so the simulated model's fixed latency is taken for it.
 */
final class OpenAiLoad extends HttpLoad {

    private final long modelMs;

    OpenAiLoad(String ingest, Duration modelLatency) {
        super(ingest);
        this.modelMs = modelLatency.toMillis();
    }

    @Override
    public String name() {
        return "OpenAI path (POST /v1/chat/completions)";
    }

    @Override
    protected long call(int i) throws Exception {
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/chat/completions"))
                .header("Content-Type", "application/json").timeout(GIVE_UP)
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"What is 2+2? (" + i + ")\"}]}"))
                .build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + answer.statusCode());
        }
        return modelMs;
    }
}
