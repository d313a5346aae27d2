package io.hybridllm.router.routing;

import io.hybridllm.contracts.RoutingDecision;

/** No tier the request may use is healthy: the request is failed with this reason rather than queued for nobody. */
public class UnroutableException extends RuntimeException {

    private final transient RoutingDecision wanted;

    UnroutableException(String reason, RoutingDecision wanted) {
        super(reason);
        this.wanted = wanted;
    }

    /** The decision as it stood before health ruled out every tier. */
    public RoutingDecision wanted() {
        return wanted;
    }
}
