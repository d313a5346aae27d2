package io.hybridllm.router.learning;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.router.routing.PolicyInForce;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Learns from {@link io.hybridllm.contracts.Topics#OUTCOMES}, record by record as {@link OutcomeTopic} reads them, into
 * the {@link OutcomeMemory}: a worker's outcome teaches the level of the tier that answered (none when none did), and
 * feedback on the same request (the same partition, so after it) replaces that with what the client's score says. The
 * newest outcome of a request wins. What cannot be learned is counted by reason; an unreadable record is refused with
 * an {@link InvalidMessageException}, which sends it to the dead-letter topic.
 */
@ApplicationScoped
@Startup // its gauge is there from the start, 0 while a policy that does not learn leaves the topic unread
public class OutcomeFollower {

    /** The most dimensions an embedding may have: the shipped model's are 384. */
    static final int MAX_DIMENSIONS = 4096;

    private final OutcomeMemory memory;
    private final PolicyInForce policies;
    private final LearningConfig config;
    private final MeterRegistry metrics;
    private final Map<String, io.micrometer.core.instrument.Counter> ignored = new ConcurrentHashMap<>();

    public OutcomeFollower(OutcomeMemory memory, PolicyInForce policies, LearningConfig config, MeterRegistry metrics) {
        this.memory = memory;
        this.policies = policies;
        this.config = config;
        this.metrics = metrics;
        Gauge.builder("hybrid.router.learning.outcomes", memory, OutcomeMemory::size).register(metrics);
    }

    /** One record of the topic. */
    public void apply(String key, String value) {
        RequestOutcome outcome = Json.read(value, RequestOutcome.class);
        if (!outcome.requestId().equals(key)) {
            throw new InvalidMessageException("key", "is " + key + ", but the outcome is of " + outcome.requestId());
        }
        switch (outcome.source()) {
            case WORKER -> fromWorker(outcome);
            case FEEDBACK -> fromFeedback(outcome);
        }
    }

    private void fromWorker(RequestOutcome outcome) {
        if (outcome.embedding() == null) {
            // Routed without an embedding (method heuristic, or an embed request): nothing to compare prompts by.
            memory.forget(outcome.tenant(), outcome.requestId());
            ignore("no_embedding");
            return;
        }
        float[] vector = vector(outcome.embedding());
        Optional<Double> target = Difficulty.ofWorker(outcome);
        if (target.isEmpty()) {
            memory.forget(outcome.tenant(), outcome.requestId());
            ignore("no_answer");
            return;
        }
        memory.learn(outcome.tenant(),
                new OutcomeMemory.Held(outcome.requestId(), vector, outcome.answeredTier(), target.get()), limits());
    }

    private void fromFeedback(RequestOutcome outcome) {
        Optional<OutcomeMemory.Held> held = memory.held(outcome.tenant(), outcome.requestId());
        if (held.isEmpty()) {
            ignore("feedback_not_held");
            return;
        }
        Tier answered = outcome.answeredTier() != null ? outcome.answeredTier() : held.get().answered();
        Optional<Double> target = Difficulty.ofFeedback(outcome.feedbackScore(), answered);
        if (target.isEmpty()) {
            ignore("feedback_above_cloud");
            return;
        }
        memory.learn(outcome.tenant(),
                new OutcomeMemory.Held(outcome.requestId(), held.get().vector(), answered, target.get()), limits());
    }

    private static float[] vector(String base64) {
        float[] vector;
        try {
            vector = Vectors.fromBase64(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidMessageException("embedding", "is not base64 of float32 values: " + e.getMessage());
        }
        if (vector.length == 0 || vector.length > MAX_DIMENSIONS) {
            throw new InvalidMessageException("embedding",
                    "has " + vector.length + " dimensions, must have 1 to " + MAX_DIMENSIONS);
        }
        for (float v : vector) {
            if (!Float.isFinite(v)) {
                throw new InvalidMessageException("embedding", "holds a value that is not a finite number");
            }
        }
        return Vectors.normalised(vector);
    }

    private OutcomeMemory.Limits limits() {
        return new OutcomeMemory.Limits(policies.current().scoring().learned().maxOutcomes(), config.maxOutcomes(),
                config.maxTenants());
    }

    private void ignore(String reason) {
        ignored.computeIfAbsent(reason, r -> metrics.counter("hybrid.router.learning.ignored", "reason", r))
                .increment();
    }
}
