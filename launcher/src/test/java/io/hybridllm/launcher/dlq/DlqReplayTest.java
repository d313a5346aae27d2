package io.hybridllm.launcher.dlq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;

/**
 * A replay sends back a request that was never answered, skips one that was (its reply is on llm.replies), audits both,
 * and sends nothing again when run a second time.
 */
class DlqReplayTest {

    @Test
    void aReplaySkipsAnAnsweredRequestAndNeverSendsTwice() throws Exception {
        Map<String, Object> kafka = Map.of("bootstrap.servers", Infrastructure.kafka().bootstrapServers());
        String reason = "dlq-test-" + System.nanoTime();
        deadLetter(kafka, "dlq-unanswered", reason);
        deadLetter(kafka, "dlq-answered", reason);
        KafkaProbe.shared().send(Topics.REPLIES, "dlq-answered", "{\"request_id\":\"dlq-answered\"}");
        List<DeadLetter> letters = DeadLetters.read(kafka, DeadLetters.TOPICS, l -> l.reason().equals(reason), 10);
        assertThat(letters).extracting(DeadLetter::key).containsExactly("dlq-unanswered", "dlq-answered");
        assertThat(letters.getFirst().originalTopic()).isEqualTo(Topics.REQUESTS);

        List<Replayer.Outcome> first = new Replayer(kafka, "ops@example.org").replay(letters, Instant.now());

        assertThat(first).extracting(Replayer.Outcome::replayed).containsExactly(true, false);
        assertThat(first.get(1).why()).contains("was answered");
        var back = KafkaProbe.shared().awaitKey(Topics.REQUESTS, "dlq-unanswered", Duration.ofSeconds(30));
        assertThat(KafkaProbe.headers(back)).containsEntry("replayed-from", letters.getFirst().address())
                .doesNotContainKey("dead-letter-reason");
        var audits = KafkaProbe.shared().awaitAll(Topics.AUDIT,
                r -> r.key().equals(letters.get(0).address()) || r.key().equals(letters.get(1).address()), 2,
                Duration.ofSeconds(30));
        assertThat(audits).extracting(r -> Json.read(r.value(), AuditEvent.class).action())
                .containsExactly(AuditEvent.Action.DEAD_LETTER_REPLAYED, AuditEvent.Action.DEAD_LETTER_SKIPPED);
        assertThat(audits).allSatisfy(r -> assertThat(r.value()).contains("ops@example.org"));

        List<Replayer.Outcome> second = new Replayer(kafka, "ops@example.org").replay(letters, Instant.now());
        assertThat(second).extracting(Replayer.Outcome::replayed).containsExactly(false, false);
        assertThat(second.getFirst().why()).contains("replayed before");
        assertThatThrownBy(() -> KafkaProbe.shared().awaitAll(Topics.REQUESTS, r -> r.key().equals("dlq-unanswered"), 2,
                Duration.ofSeconds(5))).isInstanceOf(AssertionError.class);
    }

    private static void deadLetter(Map<String, Object> kafka, String id, String reason) throws Exception {
        try (var producer = new KafkaProducer<>(kafka, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(Topics.dlqOf(Topics.REQUESTS), id, "{\"id\":\"" + id + "\"}");
            record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            record.headers().add("dead-letter-topic", Topics.REQUESTS.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
    }
}
