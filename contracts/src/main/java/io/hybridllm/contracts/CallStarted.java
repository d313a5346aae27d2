package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;

/**
 * A worker began a model call for a request, on {@value Topics#PROGRESS}, keyed by the request id: one per attempt
 * (target and backend), not per retry of it. It tells a client polling the request that it is {@code running}; it is
 * news, not state, so it may be lost or read late without harm: the reply still ends the request.
 */
public record CallStarted(int schemaVersion, String requestId, String tenant, Tier tier, String provider, String model,
        String worker, int attempt, Instant at) {

    public CallStarted {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(tenant != null && !tenant.isBlank(), "tenant", "is required");
        require(tier != null, "tier", "is required");
        require(provider != null && !provider.isBlank(), "provider", "is required");
        require(worker != null && !worker.isBlank(), "worker", "is required");
        require(attempt >= 1, "attempt", "must be 1 or more");
        require(at != null, "at", "is required");
    }

    /** The call {@code worker} starts now to {@code target} for a routed request, its {@code attempt}-th overall. */
    public static CallStarted of(RoutedRequest routed, Target target, String worker, int attempt) {
        return new CallStarted(SchemaVersion.CURRENT, routed.id(), routed.request().tenant(), routed.decision().tier(),
                target.provider(), target.model(), worker, attempt, Instant.now());
    }
}
