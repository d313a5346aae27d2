package io.hybridllm.worker.core;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/**
 * Counts provider calls by outcome and the tokens they used, times them and traces each as a span of the request's
 * trace; requests answered without a call are counted apart.
 */
@ApplicationScoped
public class CallMetrics {

    private final MeterRegistry registry;
    private final Tracer tracer;
    private final ModelLabels models;

    public CallMetrics(MeterRegistry registry, Tracer tracer, ModelLabels models) {
        this.registry = registry;
        this.tracer = tracer;
        this.models = models;
    }

    /**
     * A call that started at {@code at} and took {@code latency}, on {@code backend}. Metrics are tagged by outcome and
     * error code ({@code none} on success): both are small, fixed sets; the model only as {@link ModelLabels} allows.
     */
    public void called(Target target, String backend, CallResult result, Instant at, Duration latency) {
        String outcome = "succeeded";
        String error = "none";
        if (result instanceof CallResult.Failed failed) {
            outcome = "failed";
            error = Json.wireName(failed.error().code());
        }
        registry.counter("hybrid.worker.calls", "provider", target.provider(), "model", label(target), "outcome",
                outcome, "error", error).increment();
        registry.timer("hybrid.worker.call.latency", "provider", target.provider()).record(latency);
        if (result instanceof CallResult.Answered answered) {
            tokens(target, "prompt", answered.usage().promptTokens());
            tokens(target, "completion", answered.usage().completionTokens());
        }
        trace(target, backend, result, at, latency, error);
    }

    /**
     * The call as a client span in the current trace, named and tagged after OpenTelemetry's GenAI conventions. It is
     * recorded once the call is over, with its real start and end, so that calls need no span bookkeeping.
     */
    private void trace(Target target, String backend, CallResult result, Instant at, Duration latency, String error) {
        Span span = tracer.spanBuilder("chat " + target.model()).setSpanKind(SpanKind.CLIENT).setStartTimestamp(at)
                .setAttribute("gen_ai.operation.name", "chat").setAttribute("gen_ai.provider.name", target.provider())
                .setAttribute("gen_ai.request.model", target.model()).setAttribute("hybrid.backend", backend)
                .startSpan();
        switch (result) {
            case CallResult.Answered answered -> {
                span.setAttribute("gen_ai.usage.input_tokens", answered.usage().promptTokens());
                span.setAttribute("gen_ai.usage.output_tokens", answered.usage().completionTokens());
                keyId(span, answered.keyId());
            }
            case CallResult.Failed failed -> {
                span.setAttribute("error.type", error);
                span.setStatus(StatusCode.ERROR, failed.error().message());
                keyId(span, failed.keyId());
            }
        }
        span.end(at.plus(latency));
    }

    /** The key's id only: ids name where a key is configured, never its value. */
    private static void keyId(Span span, String keyId) {
        if (keyId != null) {
            span.setAttribute("hybrid.key_id", keyId);
        }
    }

    private void tokens(Target target, String kind, int count) {
        registry.counter("hybrid.worker.tokens", "provider", target.provider(), "model", label(target), "kind", kind)
                .increment(count);
    }

    /** The quality check's score of each answer, per model: where local models fall short shows here. */
    public void quality(Target target, double score) {
        registry.summary("hybrid.worker.quality", "provider", target.provider(), "model", label(target)).record(score);
    }

    private String label(Target target) {
        return models.of(target.provider(), target.model());
    }

    public void escalated(Tier from, Tier to) {
        registry.counter("hybrid.worker.escalations", "from", from.wireName(), "to", to.wireName()).increment();
    }

    public void skipped(ErrorInfo.ErrorCode reason) {
        registry.counter("hybrid.worker.skipped", "reason", Json.wireName(reason)).increment();
    }
}
