package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;

/**
 * A client cancelled a request, on the compacted {@value Topics#CANCELLATIONS}, keyed by the request id: a worker that
 * has not started the request skips it and replies {@code cancelled}. Cancelling is best effort: a call already under
 * way is finished, and its reply is kept.
 */
public record Cancellation(int schemaVersion, String requestId, String tenant, Instant at) {

    public Cancellation {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(requestId != null && !requestId.isBlank(), "request_id", "is required");
        require(tenant != null && !tenant.isBlank(), "tenant", "is required");
        require(at != null, "at", "is required");
    }

    public static Cancellation of(String requestId, String tenant) {
        return new Cancellation(SchemaVersion.CURRENT, requestId, tenant, Instant.now());
    }
}
