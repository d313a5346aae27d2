package io.hybridllm.launcher.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;

/**
 * The application path: {@code POST /v1/requests}, then {@code GET /v1/requests/{id}?wait=30s} until the request is
 * final. The model's time is the {@code latency_ms} the answer reports.
 */
final class LongPollLoad extends HttpLoad {

    private static final Set<String> FINAL = Set.of("succeeded", "failed", "cancelled", "expired");

    LongPollLoad(String ingest) {
        super(ingest);
    }

    @Override
    public String name() {
        return "HTTP path (POST /v1/requests, long-poll ?wait=30s)";
    }

    @Override
    protected long call(int i) throws Exception {
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(ingest + "/v1/requests"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"bench\",\"messages\":[{\"role\":\"user\","
                        + "\"content\":\"What is 2+2? (" + i + ")\"}]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 202) {
            throw new IllegalStateException("submit: HTTP " + submitted.statusCode());
        }
        String id = Json.mapper().readTree(submitted.body()).path("id").asText();
        Instant deadline = Instant.now().plus(GIVE_UP);
        while (Instant.now().isBefore(deadline)) {
            JsonNode view = Json.mapper()
                    .readTree(http
                            .send(HttpRequest.newBuilder(URI.create(ingest + "/v1/requests/" + id + "?wait=30s"))
                                    .timeout(Duration.ofSeconds(45)).build(), HttpResponse.BodyHandlers.ofString())
                            .body());
            String status = view.path("status").asText();
            if (FINAL.contains(status)) {
                if (!status.equals("succeeded")) {
                    throw new IllegalStateException(status + ": " + view.path("error").path("code").asText());
                }
                return view.path("latency_ms").asLong();
            }
        }
        throw new IllegalStateException("not final within " + GIVE_UP);
    }
}
