package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;
import io.hybridllm.launcher.system.Service;

/**
 * A streamed tool call through the whole system as {@code ./hybrid up --simulate} runs it: the simulated OpenAI streams
 * the call in pieces, the cloud worker publishes them to llm.stream, and ingest relays them as OpenAI
 * {@code delta.tool_calls}; the tool's result sent back is answered with streamed text.
 */
class StreamedToolsIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The data of each event of a streamed chat completion, up to {@code [DONE]}. */
    private static List<JsonNode> stream(ObjectNode body) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(SimulatedSystem.get().url(Service.INGEST) + "/v1/chat/completions"))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                        .header("Accept", "text/event-stream")
                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).containsPattern("data: ?\\[DONE\\]\n\n$");
        List<JsonNode> events = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            String data = line.startsWith("data:") ? line.substring(5).strip() : "";
            if (data.startsWith("{")) {
                events.add(Json.mapper().readTree(data));
            }
        }
        return events;
    }

    @Test
    void aStreamedToolCallThenItsResultEndInAStreamedAnswer() throws Exception {
        ObjectNode body = Json.mapper().createObjectNode().put("model", "openai/gpt-4o-mini").put("stream", true)
                .put("tool_choice", "required");
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "user").put("content", "What is the weather like in Paris?");
        body.putArray("tools").addObject().put("type", "function").putObject("function").put("name", "get_weather")
                .putObject("parameters").put("type", "object");

        List<JsonNode> events = stream(body);

        List<JsonNode> calls = events.stream()
                .flatMap(event -> event.path("choices").path(0).path("delta").path("tool_calls").valueStream())
                .toList();
        // The call begun, then its arguments in pieces; when the reply reaches ingest before the pieces do, the rest
        // comes in one piece with it (docs/submitting.md, "Streaming"), so how many pieces is not a promise.
        assertThat(calls).as("the call's pieces").isNotEmpty();
        JsonNode first = calls.getFirst();
        assertThat(first.path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(first.path("type").asText()).isEqualTo("function");
        assertThat(calls.subList(1, calls.size())).allSatisfy(call -> assertThat(call.has("id")).isFalse());
        String arguments = String.join("",
                calls.stream().map(call -> call.path("function").path("arguments").asText()).toList());
        assertThat(arguments).isEqualTo("{}");
        assertThat(events).anySatisfy(event -> assertThat(event.path("choices").path(0).path("finish_reason").asText())
                .isEqualTo("tool_calls"));

        ObjectNode assistant = messages.addObject().put("role", "assistant");
        assistant.putNull("content");
        ObjectNode call = assistant.putArray("tool_calls").addObject().put("id", first.path("id").asText()).put("type",
                "function");
        call.putObject("function").put("name", "get_weather").put("arguments", arguments);
        messages.addObject().put("role", "tool").put("tool_call_id", first.path("id").asText()).put("content",
                "18 C and sunny");
        body.remove("tool_choice");

        List<JsonNode> answer = stream(body);
        String text = String.join("", answer.stream()
                .map(event -> event.path("choices").path(0).path("delta").path("content").asText("")).toList());
        assertThat(text).isNotBlank();
        assertThat(answer.stream()
                .filter(event -> !event.path("choices").path(0).path("delta").path("content").asText("").isEmpty())
                .count()).as("the answer in pieces").isGreaterThan(1);
        assertThat(answer).anySatisfy(
                event -> assertThat(event.path("choices").path(0).path("finish_reason").asText()).isEqualTo("stop"));
    }
}
