package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One provider call, successful or not, on {@value Topics#USAGE}, keyed by tenant. The event id is new for every call,
 * so a repeated call is counted and a redelivered event is not. {@code endUser} is whom the request was made for
 * (OpenAI's {@code user}), when its client said. {@code cacheHitOf} is set on the event of a request the router
 * answered from the response cache: no call was made, the provider and model are those of the cached answer, and the
 * request it names is the one whose call paid for it; the cost service prices such an event at zero and counts what it
 * saved.
 */
public record UsageEvent(int schemaVersion, String eventId, String requestId, String tenant, String jobId,
        TaskType taskType, Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd,
        long latencyMs, Attempt.Outcome outcome, ErrorInfo.ErrorCode errorCode, Instant occurredAt, String endUser,
        String cacheHitOf) {

    public UsageEvent {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(eventId != null && !eventId.isBlank(), "event_id", "is required");
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(tenant != null && !tenant.isBlank(), "tenant", "is required");
        require(provider != null && !provider.isBlank(), "provider", "is required");
        require(outcome != null, "outcome", "is required");
        require(latencyMs >= 0, "latency_ms", "must not be negative");
        require(endUser == null || GenerationOptions.isEndUser(endUser), "end_user", GenerationOptions.END_USER_RULE);
        taskType = taskType == null ? TaskType.CHAT : taskType;
        usage = usage == null ? TokenUsage.NONE : usage;
        costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
        occurredAt = occurredAt == null ? Instant.now() : occurredAt;
    }

    /** An event of a provider call. */
    public UsageEvent(int schemaVersion, String eventId, String requestId, String tenant, String jobId,
            TaskType taskType, Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd,
            long latencyMs, Attempt.Outcome outcome, ErrorInfo.ErrorCode errorCode, Instant occurredAt,
            String endUser) {
        this(schemaVersion, eventId, requestId, tenant, jobId, taskType, tier, provider, model, usage, costUsd,
                latencyMs, outcome, errorCode, occurredAt, endUser, null);
    }

    /** An event without an end user. */
    public UsageEvent(int schemaVersion, String eventId, String requestId, String tenant, String jobId,
            TaskType taskType, Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd,
            long latencyMs, Attempt.Outcome outcome, ErrorInfo.ErrorCode errorCode, Instant occurredAt) {
        this(schemaVersion, eventId, requestId, tenant, jobId, taskType, tier, provider, model, usage, costUsd,
                latencyMs, outcome, errorCode, occurredAt, (String) null);
    }

    /** The event of a request answered from the cache with {@code entry}: priced at zero, no call made. */
    public static UsageEvent forCacheHit(LlmRequest request, CacheEntry entry) {
        return new UsageEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), request.id(), request.tenant(),
                request.jobId(), request.taskType(), entry.tier(), entry.provider(), entry.model(), entry.usage(),
                BigDecimal.ZERO, 0, Attempt.Outcome.SUCCEEDED, null, Instant.now(), request.options().endUser(),
                entry.requestId());
    }

    /** The event for one call a worker made to {@code target} for a routed request. */
    public static UsageEvent forCall(RoutedRequest routed, Target target, TokenUsage usage, BigDecimal costUsd,
            long latencyMs, Attempt.Outcome outcome, ErrorInfo.ErrorCode errorCode) {
        LlmRequest request = routed.request();
        return new UsageEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), request.id(), request.tenant(),
                request.jobId(), request.taskType(), routed.decision().tier(), target.provider(), target.model(), usage,
                costUsd, latencyMs, outcome, errorCode, Instant.now(), request.options().endUser());
    }
}
