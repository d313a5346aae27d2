package io.hybridllm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

class MessagesTest {

    static LlmRequest request() {
        return new LlmRequest(1, "req-1", "acme", "job-7", TaskType.COMMIT_MSG,
                List.of(new ChatMessage(Role.SYSTEM, "Be brief."), ChatMessage.user("Summarise: fixed auth bug")),
                new GenerationOptions(64, 0.2), RequestHints.NONE, "acme.replies", null,
                Instant.parse("2026-11-22T10:00:00Z"), List.of());
    }

    static RoutedRequest routed() {
        return new RoutedRequest(request(),
                new RoutingDecision(Tier.LOCAL_FAST, List.of(new Target("ollama", "llama3.2:1b")), 0.12,
                        List.of(new ScoreFactor("length", 0.01, 0.3, "26 chars")), "score 0.12 < 0.30", "hybrid",
                        "builtin", Instant.parse("2026-11-22T10:00:00.010Z")));
    }

    @Test
    void requestRoundTripsWithSnakeCaseNamesAndLowerCaseEnums() {
        String json = Json.write(request());
        assertThat(json).contains("\"task_type\":\"commit_msg\"", "\"reply_to\":\"acme.replies\"",
                "\"role\":\"system\"", "\"max_tokens\":64", "\"schema_version\":1");
        assertThat(Json.read(json, LlmRequest.class)).isEqualTo(request());
    }

    @Test
    void routedRequestCarriesTierByWireName() {
        String json = Json.write(routed());
        assertThat(json).contains("\"tier\":\"local-fast\"");
        assertThat(Json.read(json, RoutedRequest.class)).isEqualTo(routed());
    }

    @Test
    void aReplyGoesToTheRepliesTopicAndToTheRequestsOwn() {
        assertThat(request().replyTopics()).containsExactly(Topics.REPLIES, "acme.replies");
        LlmRequest withoutOwn = Json.read("""
                {"id":"j-2","tenant":"t","messages":[{"role":"user","content":"x"}]}""", LlmRequest.class);
        assertThat(withoutOwn.replyTopics()).containsExactly(Topics.REPLIES);
    }

    @Test
    void minimalJobMessageGetsDefaults() {
        LlmRequest request = Json.read("""
                {"id":"j-1","tenant":"batch","messages":[{"role":"user","content":"hi"}]}""", LlmRequest.class);
        assertThat(request.schemaVersion()).isEqualTo(SchemaVersion.CURRENT);
        assertThat(request.taskType()).isEqualTo(TaskType.CHAT);
        assertThat(request.hints().priority()).isEqualTo(Priority.INTERACTIVE);
    }

    @Test
    void invalidFieldsAreNamedByTheirJsonPath() {
        assertThatThrownBy(() -> Json.read("""
                {"id":"j-1","tenant":"t","messages":[{"role":"user"}]}""", LlmRequest.class))
                .isInstanceOf(InvalidMessageException.class).hasMessage("messages[0].content: is required");
        assertThatThrownBy(() -> Json.read("""
                {"id":"j-1","tenant":"t","messages":[]}""", LlmRequest.class))
                .hasMessage("messages: must hold at least one message");
        assertThatThrownBy(() -> Json.read("""
                {"id":"j-1","tenant":"t","task_type":"Poetry!","messages":[{"role":"user","content":"x"}]}""",
                LlmRequest.class)).isInstanceOf(InvalidMessageException.class)
                        .satisfies(e -> assertThat(((InvalidMessageException) e).field()).isEqualTo("task_type"))
                        .hasMessageStartingWith("task_type: 'Poetry!' is not a task type name");
        // Well-formed names are open: whether the policy in force knows one is the router's to say.
        assertThat(Json.read("""
                {"id":"j-1","tenant":"t","task_type":"classify_memory","messages":[{"role":"user","content":"x"}]}""",
                LlmRequest.class).taskType()).isEqualTo(TaskType.of("classify_memory"));
        assertThatThrownBy(() -> Json.read("{\"id\": ", LlmRequest.class)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> Json.read("""
                {"schema_version":9,"id":"j","tenant":"t","messages":[{"role":"user","content":"x"}]}""",
                LlmRequest.class)).hasMessageContaining("schema_version: is 9");
    }

    @Test
    void strictReadingNamesAnUnknownField() {
        assertThatThrownBy(() -> Json.readStrict("""
                {"id":"j-1","tenant":"t","messages":[{"role":"user","content":"x"}],"max_tokens":5}""",
                LlmRequest.class)).isInstanceOf(InvalidMessageException.class)
                        .satisfies(e -> assertThat(((InvalidMessageException) e).field()).isEqualTo("max_tokens"))
                        .hasMessageStartingWith("max_tokens: is not a known field; known: attempts, callback_url,");
    }

    @Test
    void replyMustMatchItsStatus() {
        LlmReply ok = LlmReply.succeeded(routed(), new Target("ollama", "llama3.2:1b"), "fix: auth",
                new TokenUsage(20, 4), BigDecimal.ZERO, 87, List.of());
        assertThat(Json.read(Json.write(ok), LlmReply.class)).isEqualTo(ok);
        assertThatThrownBy(() -> Json.read("""
                {"request_id":"r","status":"failed"}""", LlmReply.class))
                .hasMessage("error: is required when status is failed");
    }

    @Test
    void anyMapperConfiguredForTheWireWritesTheSameJson() {
        var mapper = Json.configure(new com.fasterxml.jackson.databind.ObjectMapper());
        assertThat(mapper.valueToTree(request()).toString()).isEqualTo(Json.mapper().valueToTree(request()).toString());
        assertThat(Json.write(TaskType.COMMIT_MSG)).isEqualTo("\"commit_msg\"");
        assertThat(Json.wireName(Tier.LOCAL_FAST)).isEqualTo("local-fast");
    }

    @Test
    void controlEventsAndAlertsAreTypedVariants() {
        ControlEvent event = new ControlEvent.ModeSwitch(1, "c-1", "global", "ollama-heavy", false, "budget at 80%",
                Instant.parse("2026-11-22T10:00:00Z"));
        String json = Json.write(event);
        assertThat(json).contains("\"type\":\"mode_switch\"");
        assertThat(Json.read(json, ControlEvent.class)).isEqualTo(event);
        String older = "{\"type\":\"mode_switch\",\"schema_version\":1,\"id\":\"c-0\",\"scope\":\"global\","
                + "\"mode\":\"hybrid\",\"reason\":\"r\",\"at\":\"2026-11-22T10:00:00Z\"}";
        assertThat(((ControlEvent.ModeSwitch) Json.read(older, ControlEvent.class)).paused()).isFalse();

        Alert alert = new Alert.Budget(1, "a-1", "acme", Alert.Level.WARN, "2026-11", new BigDecimal("20.00"),
                new BigDecimal("25.00"), new BigDecimal("31.00"), 80, Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(Json.read(Json.write(alert), Alert.class)).isEqualTo(alert);

        Alert recovered = new Alert.ProviderRecovered(1, "a-2", "*", "anthropic", Instant.parse("2026-11-22T09:58:00Z"),
                1260, "every worker reports it closed", Instant.parse("2026-11-22T10:19:00Z"));
        String recoveredJson = Json.write(recovered);
        assertThat(recoveredJson).contains("\"type\":\"provider_recovered\"", "\"duration_seconds\":1260");
        assertThat(Json.read(recoveredJson, Alert.class)).isEqualTo(recovered);
    }
}
