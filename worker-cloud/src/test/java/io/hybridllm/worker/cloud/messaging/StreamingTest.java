package io.hybridllm.worker.cloud.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.StreamChunk.ToolCallDelta;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.contracts.pricing.PriceCatalogue;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.cloud.OpenAiSimulatorResource;
import io.hybridllm.worker.cloud.Requests;
import io.hybridllm.worker.core.StreamPublisher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A streamed request through the cloud worker on the real broker: the worker streams from the (simulated) provider and
 * publishes each piece to llm.stream and to the request's reply_to as it comes; the reply, usage and cost are those of
 * a request without streaming.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(OpenAiSimulatorResource.class)
class StreamingTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static List<StreamChunk> chunks(String topic, String id, int count) {
        return kafka.awaitAll(topic, record -> record.key().equals(id), count, Duration.ofSeconds(30)).stream()
                .map(record -> Json.read(record.value(), StreamChunk.class))
                .sorted(Comparator.comparingInt(StreamChunk::sequence)).toList();
    }

    @Test
    void theAnswerIsPublishedPieceByPieceAndRepliedAsWithoutStreaming() {
        String replyTo = "replies." + Requests.TENANT + ".stream-test";
        RoutedRequest routed = StreamingTestRequests.streamed("cloud-stream-1", replyTo);
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        int pieces = reply.answer().split(" ", -1).length;
        assertThat(pieces).isGreaterThan(3);
        List<StreamChunk> chunks = chunks(Topics.STREAM, routed.id(), pieces);
        assertThat(chunks.stream().map(StreamChunk::delta).collect(Collectors.joining())).isEqualTo(reply.answer());
        assertThat(chunks).extracting(StreamChunk::sequence)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, pieces).boxed().toList());
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.attempt()).isEqualTo(1);
            assertThat(chunk.provider()).isEqualTo("openai");
            assertThat(chunk.model()).isEqualTo("gpt-4o-mini");
        });
        // Usage and cost as the provider counted them on the stream's last event.
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.usage().completionTokens()).isPositive();
        assertThat(reply.costUsd()).isEqualByComparingTo(
                PriceCatalogue.defaults().price("openai", "gpt-4o-mini", reply.usage()).orElseThrow());
        assertThat(Published.usageEvent(kafka, routed.id()).usage()).isEqualTo(reply.usage());

        // A job that names a reply_to topic gets the pieces there too, marked apart from its reply.
        List<ConsumerRecord<String, String>> onReplyTo = kafka.awaitAll(replyTo,
                record -> record.key().equals(routed.id()) && KafkaProbe.header(record, StreamPublisher.TYPE_HEADER)
                        .equals(java.util.Optional.of(StreamPublisher.CHUNK_TYPE)),
                pieces, Duration.ofSeconds(30));
        assertThat(onReplyTo).hasSize(pieces);
        ConsumerRecord<String, String> copy = kafka
                .await(replyTo,
                        record -> record.key().equals(routed.id())
                                && KafkaProbe.header(record, StreamPublisher.TYPE_HEADER).isEmpty(),
                        Duration.ofSeconds(30));
        assertThat(Json.read(copy.value(), LlmReply.class).answer()).isEqualTo(reply.answer());
    }

    @Test
    void aToolCallIsPublishedInPiecesThatJoinIntoTheRepliedCall() {
        RoutedRequest routed = StreamingTestRequests.streamedWithTool("cloud-stream-tool-1");
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));

        LlmReply reply = Published.reply(kafka, Topics.REPLIES, routed.id());
        assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        ToolCall call = reply.toolCalls().getFirst();
        assertThat(call.name()).isEqualTo("get_weather");
        // The call begun (id and name), then its arguments ("{}" from the simulator) in two pieces.
        List<StreamChunk> chunks = chunks(Topics.STREAM, routed.id(), 3);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.delta()).isEmpty());
        assertThat(chunks.getFirst().toolCall()).isEqualTo(new ToolCallDelta(0, call.id(), "get_weather", ""));
        assertThat(chunks.stream().map(chunk -> chunk.toolCall().arguments()).collect(Collectors.joining()))
                .isEqualTo(call.arguments());
    }
}
