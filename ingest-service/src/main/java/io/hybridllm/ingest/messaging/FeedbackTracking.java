package io.hybridllm.ingest.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.feedback.FeedbackIntake;
import io.hybridllm.ingest.feedback.FeedbackReader;
import io.hybridllm.ingest.feedback.FeedbackRefused;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;

/**
 * Feedback that tenants' jobs produce to their own {@code feedback.<tenant>} topics: the tenant is the topic's, which
 * only its principal may write, so feedback on another tenant's request is refused as on a missing one. What is refused
 * goes to {@code llm.outcomes.dlq} with the reason; what is accepted is published as an outcome.
 */
@ApplicationScoped
public class FeedbackTracking {

    private static final Logger LOG = Logger.getLogger(FeedbackTracking.class);

    private final FeedbackIntake intake;

    public FeedbackTracking(FeedbackIntake intake) {
        this.intake = intake;
    }

    @Incoming(Channels.FEEDBACK)
    @Blocking
    public CompletionStage<Void> onFeedback(KafkaRecord<String, String> record) {
        String tenant = record.getTopic().substring(Topics.TENANT_FEEDBACK_PREFIX.length());
        try {
            Feedback feedback = FeedbackReader.read(record.getPayload(), false);
            if (feedback.requestId() == null || feedback.requestId().isBlank()) {
                throw new InvalidMessageException("request_id", "is required: the request whose answer is judged");
            }
            intake.record(feedback.requestId(), tenant::equals, feedback);
            return record.ack();
        } catch (InvalidMessageException | FeedbackRefused refused) {
            LOG.infof("feedback on %s dead-lettered: %s", record.getTopic(), refused.getMessage());
            return record.nack(refused);
        }
    }
}
