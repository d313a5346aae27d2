package io.hybridllm.ingest.feedback;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.messaging.OutcomePublisher;
import io.hybridllm.ingest.openai.ChatCompletion;
import io.hybridllm.ingest.requests.RequestRecord;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Turns a client's {@link Feedback} on one of its requests into a {@link RequestOutcome} on {@code llm.outcomes}, the
 * same from HTTP and from a tenant's {@code feedback.<tenant>} topic. Only an answered request can be judged; the tiers
 * are those of the reply ingest stored. Nothing is stored here: feedback given again is published again, and the router
 * keeps the newest.
 */
@ApplicationScoped
public class FeedbackIntake {

    private static final String COMPLETION_PREFIX = ChatCompletion.idOf("");

    private final RequestStore store;
    private final OutcomePublisher publisher;
    private final MeterRegistry metrics;

    public FeedbackIntake(RequestStore store, OutcomePublisher publisher, MeterRegistry metrics) {
        this.store = store;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /**
     * Publishes the outcome and returns it once the broker acknowledged it; its request id is the request's, also when
     * {@code id} names the request's chat completion. {@code mayJudge} says whether the caller may see requests of a
     * tenant; a request it may not see is answered as missing.
     */
    public RequestOutcome record(String id, Predicate<String> mayJudge, Feedback feedback) {
        RequestOutcome outcome = QuarkusTransaction.joiningExisting().call(() -> outcomeOf(id, mayJudge, feedback));
        publisher.sendAndAwait(outcome);
        metrics.counter("hybrid.ingest.feedback", "good_enough", String.valueOf(feedback.goodEnough())).increment();
        return outcome;
    }

    private RequestOutcome outcomeOf(String id, Predicate<String> mayJudge, Feedback feedback) {
        RequestRecord row = find(id).filter(found -> mayJudge.test(found.tenant))
                .orElseThrow(() -> new FeedbackRefused(FeedbackRefused.Why.NOT_FOUND, "no request with id " + id));
        LlmReply reply = row.reply == null ? null : Json.read(row.reply, LlmReply.class);
        if (reply == null || reply.status() != LlmReply.Status.SUCCEEDED) {
            String state = row.status.name().toLowerCase(Locale.ROOT);
            throw new FeedbackRefused(FeedbackRefused.Why.NOT_ANSWERED, "request " + row.id + " is " + state
                    + (row.status.isFinal() ? ", with no answer to judge" : "; it has no answer to judge yet"));
        }
        Tier routed = routedTier(reply).orElse(reply.tier());
        if (routed == null) {
            throw new FeedbackRefused(FeedbackRefused.Why.NOT_ANSWERED,
                    "request " + row.id + " has no tier recorded for its answer; there is nothing to learn from");
        }
        boolean escalated = reply.attempts().stream()
                .anyMatch(a -> a.tier().isLocal() && a.outcome() == Attempt.Outcome.ESCALATED);
        TaskType taskType = row.taskType == null ? null : new TaskType(row.taskType);
        return new RequestOutcome(SchemaVersion.CURRENT, row.id, row.tenant, RequestOutcome.Source.FEEDBACK, taskType,
                routed, reply.tier(), escalated, null, feedback.score(), null, Instant.now(), feedback.comment());
    }

    /**
     * The request of {@code id}, or of the chat completion of that id ({@code chatcmpl-<request id>}), which is all a
     * client of the OpenAI API knows. A request's own id is looked up first: a job may choose any id.
     */
    private Optional<RequestRecord> find(String id) {
        Optional<RequestRecord> row = store.find(id);
        if (row.isEmpty() && id.startsWith(COMPLETION_PREFIX)) {
            return store.find(id.substring(COMPLETION_PREFIX.length()));
        }
        return row;
    }

    /** The tier the router chose: the first attempt's, else the decision's primary target's (as the workers say). */
    private static Optional<Tier> routedTier(LlmReply reply) {
        if (!reply.attempts().isEmpty()) {
            return Optional.of(reply.attempts().getFirst().tier());
        }
        return Optional.ofNullable(reply.decision())
                .map(decision -> decision.targets().getFirst().tierOr(decision.tier()));
    }
}
