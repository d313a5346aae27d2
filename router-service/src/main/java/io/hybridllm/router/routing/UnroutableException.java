package io.hybridllm.router.routing;

import io.hybridllm.contracts.RoutingDecision;

/**
 * No tier the request may use is healthy, or nothing it may use serves the model it names: the request is failed with
 * this reason rather than queued for nobody.
 */
public class UnroutableException extends RuntimeException {

    private final transient RoutingDecision wanted;
    private final boolean healthMayHelp;

    UnroutableException(String reason, RoutingDecision wanted, boolean healthMayHelp) {
        super(reason);
        this.wanted = wanted;
        this.healthMayHelp = healthMayHelp;
    }

    /** Whether a tier coming back could make it routable: worth holding until its deadline; else fail it now. */
    public boolean healthMayHelp() {
        return healthMayHelp;
    }

    /** The decision as it stood before health ruled out every tier. */
    public RoutingDecision wanted() {
        return wanted;
    }
}
