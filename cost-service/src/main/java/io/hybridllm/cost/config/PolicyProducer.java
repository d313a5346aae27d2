package io.hybridllm.cost.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyLoader;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The operator's policy, for its budgets ({@code [cost]}), switching rules ({@code [dynamic_switching.rules]}) and
 * modes. Read at startup from the same layered files as the router's, with {@code hybrid.policy.file} on top; an
 * invalid policy stops the service with every problem named. A changed file takes effect on restart.
 */
@ApplicationScoped
public class PolicyProducer {

    @Produces
    @Singleton
    @Startup
    Policy policy(@ConfigProperty(name = "hybrid.policy.file") Optional<String> extraFile) {
        List<Path> layers = new ArrayList<>(PolicyLoader.lookup(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home"))));
        extraFile.map(Path::of).ifPresent(layers::add);
        PolicyLoader.Loaded loaded = PolicyLoader.load(layers);
        Log.infof("Budgets and switching rules from policy %s (%s)", loaded.policy().version(),
                String.join(", ", loaded.sources()));
        return loaded.policy();
    }
}
