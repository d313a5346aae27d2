package io.hybridllm.router.routing;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;
import io.quarkus.runtime.Startup;

/**
 * The policy the router decides by: the operator's layered TOML policy, loaded and validated at startup. An invalid
 * policy stops the start with every problem named; the router never routes by a policy it could not validate.
 */
@Singleton
@Startup
public class PolicyInForce {

    private static final Logger LOG = Logger.getLogger(PolicyInForce.class);

    private volatile Policy current;

    public PolicyInForce() {
        PolicyLoader.Loaded loaded = PolicyLoader.load();
        LOG.infof("routing by policy %s (mode %s) from %s", loaded.policy().version(), loaded.policy().ai().mode(),
                String.join(", ", loaded.sources()));
        this.current = loaded.policy();
    }

    public Policy current() {
        return current;
    }

    /** Replaces the policy at once, for the live changes to come and for tests. */
    public void replace(Policy policy) {
        this.current = policy;
    }
}
