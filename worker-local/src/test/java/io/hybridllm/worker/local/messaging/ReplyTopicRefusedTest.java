package io.hybridllm.worker.local.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.local.OllamaSimulatorResource;
import io.hybridllm.worker.local.Requests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A record produced straight to a tier topic with a reply_to the tenant may not write: never written there. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OllamaSimulatorResource.class)
class ReplyTopicRefusedTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void aReplyToTheControlTopicEndsTheRequestWithTheReasonAndIsDeadLettered() {
        assertRefused("local-reply-control-1", Topics.CONTROL_MODES, "system topic");
    }

    @Test
    void aReplyToAnotherTenantsTopicIsRefusedToo() {
        assertRefused("local-reply-foreign-1", "replies.globex.jobs", "'replies." + Requests.TENANT + ".'");
    }

    private static void assertRefused(String id, String replyTo, String reason) {
        RoutedRequest routed = Requests.routed(id, Tier.LOCAL_FAST, new Target("ollama", "llama3.2:1b"), null, replyTo);
        kafka.send(Topics.TIER_LOCAL_FAST, routed.id(), Json.write(routed));

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.FAILED);
        assertThat(reply.error().code()).isEqualTo(ErrorInfo.ErrorCode.INVALID_REQUEST);
        assertThat(reply.error().message()).startsWith("reply_to: ").contains(reason);
        assertThat(reply.usage().promptTokens()).isZero();

        ConsumerRecord<String, String> dead = kafka.awaitKey(Topics.dlqOf(Topics.TIER_LOCAL_FAST), routed.id(),
                Published.WAIT);
        assertThat(KafkaProbe.header(dead, "dead-letter-reason"))
                .hasValueSatisfying(why -> assertThat(why).contains("reply_to").contains(reason));
        // The reply and the dead letter are written: had the worker written to reply_to, it would be there by now
        // (a topic that does not even exist was never written: the development broker creates topics on first write).
        assertThatThrownBy(() -> kafka.awaitKey(replyTo, routed.id(), Duration.ofSeconds(2)))
                .isInstanceOfAny(AssertionError.class, IllegalStateException.class);
    }
}
