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

import io.hybridllm.contracts.LlmReply;

/**
 * What the client does when the broker does not acknowledge a send: a lost submission is sent again with the same id, a
 * refused one fails its request. A mock producer, since a real broker cannot be made to lose exactly one send.
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
}
