package io.hybridllm.worker.core;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.micrometer.core.instrument.MeterRegistry;

/** Counts provider calls by outcome and times them; requests answered without a call are counted apart. */
@ApplicationScoped
public class CallMetrics {

    private final MeterRegistry registry;

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Tagged by outcome and error code ({@code none} on success): both are small, fixed sets. */
    public void called(Target target, CallResult result, Duration latency) {
        String outcome = "succeeded";
        String error = "none";
        if (result instanceof CallResult.Failed failed) {
            outcome = "failed";
            error = Json.wireName(failed.error().code());
        }
        registry.counter("hybrid.worker.calls", "provider", target.provider(), "model", target.model(), "outcome",
                outcome, "error", error).increment();
        registry.timer("hybrid.worker.call.latency", "provider", target.provider()).record(latency);
    }

    /** The quality check's score of each answer, per model: where local models fall short shows here. */
    public void quality(Target target, double score) {
        registry.summary("hybrid.worker.quality", "provider", target.provider(), "model", target.model()).record(score);
    }

    public void escalated(Tier from, Tier to) {
        registry.counter("hybrid.worker.escalations", "from", from.wireName(), "to", to.wireName()).increment();
    }

    public void skipped(ErrorInfo.ErrorCode reason) {
        registry.counter("hybrid.worker.skipped", "reason", Json.wireName(reason)).increment();
    }
}
