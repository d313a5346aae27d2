package io.hybridllm.cost.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.report.RequestScores;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps the complexity score of every reply on {@code llm.replies}, in a consumer group of its own, for the savings
 * recommendations. An unreadable reply is skipped with a warning: ingest dead-letters it already, once is enough.
 */
@ApplicationScoped
public class ReplyScoreConsumer {

    private final RequestScores scores;

    public ReplyScoreConsumer(RequestScores scores) {
        this.scores = scores;
    }

    /**
     * One poll's replies in one transaction. A failing database (a PostgreSQL restart) is retried for about 15 seconds,
     * each try in a transaction of its own, as usage is: without it the first broken connection stopped the channel and
     * the service stayed unready.
     */
    @Incoming(Channels.REPLIES)
    @Blocking
    @Retry(maxRetries = 5, delay = 500, jitter = 200)
    @ExponentialBackoff(factor = 2, maxDelay = 8_000)
    public void consume(List<String> payloads) {
        List<LlmReply> replies = new ArrayList<>(payloads.size());
        for (String payload : payloads) {
            try {
                replies.add(Json.read(payload, LlmReply.class));
            } catch (InvalidMessageException e) {
                Log.warnf("Unreadable reply skipped for savings recommendations: %s", e.getMessage());
            }
        }
        scores.keep(replies);
    }
}
