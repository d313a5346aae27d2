package io.hybridllm.ingest.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Which replies a waiting client may be answered with from memory: only a reply its row ended with. A request cancelled
 * first, or ended by an earlier reply, keeps its own end, and the waiter must read the row.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class ReplyKeptTest {

    @Inject
    RequestStore store;

    @Test
    void theFirstReplyIsKeptAndALaterOneIsNot() {
        String id = UUID.randomUUID().toString();
        LlmReply first = failed(id, Instant.parse("2026-12-01T10:00:00.123456789Z"));
        LlmReply retried = succeeded(id, Instant.parse("2026-12-01T10:00:01Z"));

        assertThat(record(List.of(first))).containsExactly(id);
        assertThat(record(List.of(retried))).isEmpty();
        assertThat(record(List.of(first))).as("a redelivered first reply is still the row's result")
                .containsExactly(id);
    }

    @Test
    void aReplyToACancelledRequestIsNotItsResult() {
        String id = UUID.randomUUID().toString();
        LlmReply reply = succeeded(id, Instant.now());
        QuarkusTransaction.requiringNew()
                .run(() -> store.recordSubmitted(new LlmRequest(0, id, "acme", null, null,
                        List.of(ChatMessage.user("What is 2+2?")), null, null, null, null, Instant.now(), List.of()),
                        "http"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> store.cancelOpen(List.of(id)))).hasSize(1);

        assertThat(record(List.of(reply))).isEmpty();
    }

    @Test
    void eachReplyOfAPollIsJudgedAlone() {
        String kept = UUID.randomUUID().toString();
        String earlier = UUID.randomUUID().toString();
        record(List.of(succeeded(earlier, Instant.now())));

        assertThat(record(List.of(succeeded(kept, Instant.now()), failed(earlier, Instant.now().plusSeconds(1)))))
                .containsExactly(kept);
    }

    private Set<String> record(List<LlmReply> replies) {
        return QuarkusTransaction.requiringNew().call(() -> store.recordReply(replies));
    }

    private static LlmReply succeeded(String id, Instant at) {
        return new LlmReply(SchemaVersion.CURRENT, id, "acme", null, LlmReply.Status.SUCCEEDED, "4", null, Tier.CLOUD,
                "openai", "gpt-4o-mini", new TokenUsage(3, 1), BigDecimal.ZERO, 20, null, null, List.of(), at);
    }

    private static LlmReply failed(String id, Instant at) {
        return new LlmReply(SchemaVersion.CURRENT, id, "acme", null, LlmReply.Status.FAILED, null,
                new ErrorInfo(ErrorInfo.ErrorCode.RATE_LIMITED, "429"), Tier.CLOUD, "openai", "gpt-4o-mini", null, null,
                20, null, null, List.of(), at);
    }
}
