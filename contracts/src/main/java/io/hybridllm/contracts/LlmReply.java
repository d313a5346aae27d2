package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The final result of a request on {@value Topics#REPLIES} (and on the request's own reply_to topic), keyed by the
 * request id: either an answer or an error, who answered, what it used and cost, and the routing decision behind it.
 */
public record LlmReply(int schemaVersion, String requestId, String tenant, String jobId, Status status, String answer,
        ErrorInfo error, Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd, long latencyMs,
        Double qualityScore, RoutingDecision decision, List<Attempt> attempts, Instant completedAt,
        FinishReason finishReason, List<ToolCall> toolCalls, EmbeddingVectors embeddings, CacheHit cacheHit) {

    public enum Status {
        SUCCEEDED, FAILED
    }

    /**
     * A reply the router answered from the response cache: the request whose answer it reuses, how old that answer is,
     * and for a semantic hit how similar the two requests were (null for an exact hit).
     */
    public record CacheHit(String requestId, long ageSeconds, Double similarity) {
    }

    public LlmReply {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(status != null, "status", "is required (succeeded or failed)");
        require(status != Status.SUCCEEDED || answer != null, "answer", "is required when status is succeeded");
        require(status != Status.FAILED || error != null, "error", "is required when status is failed");
        usage = usage == null ? TokenUsage.NONE : usage;
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        completedAt = completedAt == null ? Instant.now() : completedAt;
        finishReason = finishReason == null && status == Status.SUCCEEDED ? FinishReason.STOP : finishReason;
        toolCalls = toolCalls == null || toolCalls.isEmpty() ? null : List.copyOf(toolCalls);
    }

    /** A reply without embeddings that is not a cache hit, as before either existed. */
    public LlmReply(int schemaVersion, String requestId, String tenant, String jobId, Status status, String answer,
            ErrorInfo error, Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd,
            long latencyMs, Double qualityScore, RoutingDecision decision, List<Attempt> attempts, Instant completedAt,
            FinishReason finishReason, List<ToolCall> toolCalls) {
        this(schemaVersion, requestId, tenant, jobId, status, answer, error, tier, provider, model, usage, costUsd,
                latencyMs, qualityScore, decision, attempts, completedAt, finishReason, toolCalls, null, null);
    }

    /** A reply without tool calls, ended as {@code stop} if it succeeded. */
    public LlmReply(int schemaVersion, String requestId, String tenant, String jobId, Status status, String answer,
            ErrorInfo error, Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd,
            long latencyMs, Double qualityScore, RoutingDecision decision, List<Attempt> attempts,
            Instant completedAt) {
        this(schemaVersion, requestId, tenant, jobId, status, answer, error, tier, provider, model, usage, costUsd,
                latencyMs, qualityScore, decision, attempts, completedAt, null, null, null, null);
    }

    /** The answer to a routed request, from the target that produced it. */
    public static LlmReply succeeded(RoutedRequest routed, Target target, String answer, TokenUsage usage,
            BigDecimal costUsd, long latencyMs, List<Attempt> attempts) {
        return succeeded(routed, target, answer, usage, costUsd, latencyMs, null, attempts);
    }

    /** The answer to a routed request, with the quality check's score where one was made. */
    public static LlmReply succeeded(RoutedRequest routed, Target target, String answer, TokenUsage usage,
            BigDecimal costUsd, long latencyMs, Double qualityScore, List<Attempt> attempts) {
        return succeeded(routed, target, answer, FinishReason.STOP, null, usage, costUsd, latencyMs, qualityScore,
                attempts);
    }

    /** The answer, with why the model stopped and any tool calls it asked for. */
    public static LlmReply succeeded(RoutedRequest routed, Target target, String answer, FinishReason finishReason,
            List<ToolCall> toolCalls, TokenUsage usage, BigDecimal costUsd, long latencyMs, Double qualityScore,
            List<Attempt> attempts) {
        LlmRequest request = routed.request();
        return new LlmReply(SchemaVersion.CURRENT, request.id(), request.tenant(), request.jobId(), Status.SUCCEEDED,
                answer, null, routed.decision().tier(), target.provider(), target.model(), usage, costUsd, latencyMs,
                qualityScore, routed.decision(), attempts, Instant.now(), finishReason, toolCalls, null, null);
    }

    /** The vectors for an embed request, with no text answer (the answer is empty). */
    public static LlmReply embedded(RoutedRequest routed, Target target, EmbeddingVectors embeddings, TokenUsage usage,
            BigDecimal costUsd, long latencyMs, List<Attempt> attempts) {
        LlmRequest request = routed.request();
        return new LlmReply(SchemaVersion.CURRENT, request.id(), request.tenant(), request.jobId(), Status.SUCCEEDED,
                "", null, routed.decision().tier(), target.provider(), target.model(), usage, costUsd, latencyMs, null,
                routed.decision(), attempts, Instant.now(), FinishReason.STOP, null, embeddings, null);
    }

    /** The end of a routed request that no target could answer. */
    public static LlmReply failed(RoutedRequest routed, Target lastTarget, ErrorInfo error, long latencyMs,
            List<Attempt> attempts) {
        LlmRequest request = routed.request();
        return new LlmReply(SchemaVersion.CURRENT, request.id(), request.tenant(), request.jobId(), Status.FAILED, null,
                error, routed.decision().tier(), lastTarget == null ? null : lastTarget.provider(),
                lastTarget == null ? null : lastTarget.model(), TokenUsage.NONE, BigDecimal.ZERO, latencyMs, null,
                routed.decision(), attempts, Instant.now(), null, null, null, null);
    }
}
