package io.hybridllm.router.learning;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Reads {@link io.hybridllm.contracts.Topics#OUTCOMES} for the {@link OutcomeFollower}, which knows nothing of Kafka.
 * Every replica reads the whole topic in a consumer group of its own, from the beginning (see application.properties),
 * so all learn the same and a restarted replica learns it again. A record that cannot be read is nacked, which sends it
 * to {@code llm.outcomes.dlq} with the reason.
 */
@ApplicationScoped
public class OutcomeTopic {

    /** The channel bound to the topic in application.properties. */
    public static final String CHANNEL = "outcomes";

    private final OutcomeFollower follower;

    public OutcomeTopic(OutcomeFollower follower) {
        this.follower = follower;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> onOutcome(Message<String> record) {
        String key = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> String.valueOf(m.getKey()))
                .orElse(null);
        try {
            follower.apply(key, record.getPayload());
        } catch (InvalidMessageException e) {
            return record.nack(e);
        }
        return record.ack();
    }
}
