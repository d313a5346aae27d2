package io.hybridllm.worker.core.policy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.WorkerProviders;

/**
 * The policy a worker takes its providers from: the same layered files as the router's, with {@code hybrid.policy.file}
 * on top, then whatever is published on {@code llm.control} (see {@link ControlFollower}). An invalid policy stops the
 * worker at startup with every problem named.
 */
public class WorkerPolicy {

    private static final Logger LOG = Logger.getLogger(WorkerPolicy.class);

    @Produces
    @Singleton
    LivePolicy policy(@ConfigProperty(name = "hybrid.policy.file") Optional<String> extraFile) {
        LivePolicy policy = new LivePolicy(() -> LivePolicy.layers(extraFile));
        LOG.infof("providers from policy %s (%s)", policy.current().version(),
                String.join(", ", policy.loaded().sources()));
        policy.loaded().warnings().forEach(w -> LOG.warnf("policy %s: %s", policy.current().version(), w));
        return policy;
    }

    /** The worker's settings under {@code hybrid.cloud.providers.} and {@code hybrid.local.backends.}, as set. */
    public static Map<String, String> overrides(Config config) {
        Map<String, String> properties = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(WorkerProviders.CLOUD_PREFIX) || name.startsWith(WorkerProviders.LOCAL_PREFIX)) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return properties;
    }
}
