package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

/** A request with the router's decision, as published to its tier topic, keyed by the request id. */
public record RoutedRequest(int schemaVersion, LlmRequest request, RoutingDecision decision) {

    public RoutedRequest {
        schemaVersion = SchemaVersion.check(schemaVersion);
        require(request != null, "request", "is required");
        require(decision != null, "decision", "is required");
    }

    public RoutedRequest(LlmRequest request, RoutingDecision decision) {
        this(SchemaVersion.CURRENT, request, decision);
    }

    public String id() {
        return request.id();
    }
}
