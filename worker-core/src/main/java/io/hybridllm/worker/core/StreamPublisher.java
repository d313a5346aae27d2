package io.hybridllm.worker.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.StreamChunk;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes the pieces of streamed answers to {@value Topics#STREAM} (keyed by request id, so a request's pieces stay
 * in order) and to the request's own reply_to topic when it names one. The call does not wait for the broker: a piece
 * lost is text the client sees a little later, in the reply, while a call held up by the broker would cost every piece
 * after it time.
 */
@ApplicationScoped
public class StreamPublisher {

    /** Marks a piece on a reply_to topic, where replies travel too. */
    public static final String TYPE_HEADER = "hybrid-type";
    public static final String CHUNK_TYPE = "stream-chunk";

    private static final Logger LOG = Logger.getLogger(StreamPublisher.class);

    private final MutinyEmitter<String> stream;

    /**
     * What waits here is bounded by the answers being streamed: each reader stops at its answer limit
     * ({@code StreamLimits}).
     */
    public StreamPublisher(
            @Channel(Channels.STREAM) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> stream) {
        this.stream = stream;
    }

    public void publish(StreamChunk chunk, List<String> replyTopics) {
        String payload = Json.write(chunk);
        for (String topic : replyTopics) {
            String to = topic.equals(Topics.REPLIES) ? Topics.STREAM : topic;
            OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String> builder()
                    .withKey(chunk.requestId()).withTopic(to)
                    .withHeaders(new RecordHeaders().add(TYPE_HEADER, CHUNK_TYPE.getBytes(StandardCharsets.UTF_8)))
                    .build();
            stream.sendMessage(TraceContext.continued(Message.of(payload).addMetadata(metadata))).subscribe()
                    .with(sent -> {
                    }, failure -> LOG.debugf("a piece of request %s's answer was not published: %s", chunk.requestId(),
                            failure.getMessage()));
        }
    }
}
