package io.hybridllm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * What the client does when the broker does not acknowledge a send: a lost submission is sent again with the same id, a
 * refused one fails its request; feedback completes on the broker's acknowledgement or fails with its refusal. A mock
 * producer, since a real broker cannot be made to lose exactly one send.
 */
class SubmitterTest {

    private final MockProducer<String, String> producer = new MockProducer<>(false, null, new StringSerializer(),
            new StringSerializer());

    private JobClient client() {
        JobClientConfig config = JobClientConfig.builder("unused:9092", "acme", "j").resendAfter(Duration.ofMillis(50))
                .build();
        return new JobClient(config, producer, new MockConsumer<>("earliest"), Clock.systemUTC());
    }

    @Test
    void aSubmissionTheBrokerNeverAcknowledgedIsSentAgainWithTheSameId() {
        try (JobClient client = client()) {
            CompletableFuture<LlmReply> reply = client.submit(Requests.of("acme", "lost-1"));
            assertThat(producer.errorNext(new TimeoutException("delivery timed out"))).isTrue();

            JobClientTest.awaitTrue(() -> producer.history().size() == 2);
            assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("lost-1", "lost-1");
            assertThat(producer.history().get(1).value()).isEqualTo(producer.history().get(0).value());
            assertThat(producer.completeNext()).isTrue();
            assertThat(client.resentSubmissions()).isOne();
            assertThat(reply).isNotDone();
        }
    }

    @Test
    void aSubmissionTheBrokerRefusesFailsItsRequestAndFreesItsSlot() {
        try (JobClient client = client()) {
            CompletableFuture<LlmReply> reply = client.submit(Requests.of("acme", "refused-1"));
            producer.errorNext(new TopicAuthorizationException("not authorised to write requests.acme"));

            assertThatThrownBy(() -> reply.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(JobClientException.SubmissionRefused.class)
                    .hasMessageContaining("not authorised");
            assertThat(client.inFlight()).isZero();
            assertThat(producer.history()).hasSize(1);
        }
    }

    @Test
    void feedbackGoesToTheTenantsFeedbackTopicAndCompletesOnTheAcknowledgement() throws Exception {
        try (JobClient client = client()) {
            CompletableFuture<Void> sent = client.feedback("answered-1", 0.25, "missed the point");
            assertThat(sent).isNotDone();
            assertThat(producer.completeNext()).isTrue();
            sent.get(10, TimeUnit.SECONDS);

            ProducerRecord<String, String> record = producer.history().getFirst();
            assertThat(record.topic()).isEqualTo(Topics.tenantFeedback("acme"));
            assertThat(record.key()).isEqualTo("answered-1");
            Feedback feedback = Json.read(record.value(), Feedback.class);
            assertThat(feedback.requestId()).isEqualTo("answered-1");
            assertThat(feedback.score()).isEqualTo(0.25);
            assertThat(feedback.comment()).isEqualTo("missed the point");
        }
    }

    @Test
    void feedbackTheBrokerRefusesFailsItsFutureAndABadScoreIsRefusedAtOnce() {
        try (JobClient client = client()) {
            CompletableFuture<Void> sent = client.feedback("answered-2", 1, null);
            producer.errorNext(new TopicAuthorizationException("not authorised to write feedback.acme"));
            assertThatThrownBy(() -> sent.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(JobClientException.SubmissionRefused.class)
                    .hasMessageContaining("not authorised");

            assertThatThrownBy(() -> client.feedback("answered-2", 1.5, null))
                    .isInstanceOf(InvalidMessageException.class).hasMessageContaining("score");
            assertThat(producer.history()).hasSize(1);
        }
    }
}
