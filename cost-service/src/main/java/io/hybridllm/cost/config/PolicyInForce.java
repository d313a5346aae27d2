package io.hybridllm.cost.config;

import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The operator's policy, for its budgets ({@code [cost]}), switching rules ({@code [dynamic_switching.rules]}) and
 * reference model. At startup: the same layered files as the router's, with {@code hybrid.policy.file} on top; an
 * invalid policy stops the service with every problem named. While running: a policy the router publishes on
 * {@code llm.control} replaces it, as on every router replica, until the publication is withdrawn ({@link LivePolicy}
 * holds it, as in the workers).
 */
@Singleton
@Startup
public class PolicyInForce {

    private final LivePolicy live;

    public PolicyInForce(@ConfigProperty(name = "hybrid.policy.file") Optional<String> extraFile) {
        this.live = new LivePolicy(() -> LivePolicy.layers(extraFile));
        Log.infof("Budgets and switching rules from policy %s (%s)", live.current().version(),
                String.join(", ", live.loaded().sources()));
    }

    public Policy current() {
        return live.current();
    }

    /**
     * Applies a published policy, or its withdrawal (back to the files); true when the policy in force changed. The
     * router validated it before publishing; it is validated again here, and a refused one leaves the policy as it is.
     */
    public boolean apply(ControlEvent.PolicyChange change) {
        return live.apply(change);
    }
}
