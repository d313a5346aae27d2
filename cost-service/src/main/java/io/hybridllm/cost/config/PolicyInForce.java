package io.hybridllm.cost.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The operator's policy, for its budgets ({@code [cost]}), switching rules ({@code [dynamic_switching.rules]}) and
 * reference model. At startup: the same layered files as the router's, with {@code hybrid.policy.file} on top; an
 * invalid policy stops the service with every problem named. While running: a policy the router publishes on
 * {@code llm.control} replaces it, as on every router replica, until the publication is withdrawn.
 */
@Singleton
@Startup
public class PolicyInForce {

    private final List<Path> layers;
    private volatile PolicyLoader.Loaded current;
    private volatile boolean published;

    public PolicyInForce(@ConfigProperty(name = "hybrid.policy.file") Optional<String> extraFile) {
        List<Path> lookup = new ArrayList<>(PolicyLoader.lookup(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home"))));
        extraFile.map(Path::of).ifPresent(lookup::add);
        this.layers = List.copyOf(lookup);
        this.current = PolicyLoader.load(layers);
        Log.infof("Budgets and switching rules from policy %s (%s)", current.policy().version(),
                String.join(", ", current.sources()));
    }

    public Policy current() {
        return current.policy();
    }

    /**
     * Applies a published policy, or its withdrawal (back to the files); true when the policy in force changed. The
     * router validated it before publishing; it is validated again here, and a refused one leaves the policy as it is.
     */
    public synchronized boolean apply(ControlEvent.PolicyChange change) {
        if (change.toml() == null) {
            if (!published) {
                return false;
            }
            published = false;
            return replace(() -> PolicyLoader.load(layers), "withdrawn by " + change.changedBy() + "; the files");
        }
        if (published && change.version().equals(current.policy().version())) {
            return false;
        }
        boolean replaced = replace(
                () -> PolicyLoader.fromText(change.toml(),
                        "published " + change.version() + " by " + change.changedBy()),
                "published " + change.version() + " by " + change.changedBy());
        published |= replaced;
        return replaced;
    }

    private interface Source {
        PolicyLoader.Loaded load();
    }

    private boolean replace(Source source, String what) {
        try {
            PolicyLoader.Loaded next = source.load();
            Log.infof("Budgets and switching rules from policy %s (%s), replacing %s", next.policy().version(), what,
                    current.policy().version());
            current = next;
            return true;
        } catch (PolicyException e) {
            Log.errorf("Policy %s refused, %s stays in force: %s", what, current.policy().version(), e.getMessage());
            return false;
        }
    }
}
