package io.hybridllm.router.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.hybridllm.policy.Policy;
import io.hybridllm.policy.PolicyException;
import io.hybridllm.policy.PolicyLoader;
import io.quarkus.runtime.Startup;

/**
 * The policy the router decides by: the operator's layered TOML policy, validated before use. At startup an invalid
 * policy stops the router with every problem named. While running, a changed file is validated and swapped in at once
 * if valid; if not, its problems are logged and the policy in force keeps routing.
 */
@Singleton
@Startup
public class PolicyInForce {

    private static final Logger LOG = Logger.getLogger(PolicyInForce.class);

    private final Optional<String> extraFile;
    private volatile Policy current;
    private String signature;

    public PolicyInForce(@ConfigProperty(name = "hybrid.policy.file") Optional<String> extraFile) {
        this.extraFile = extraFile;
        List<Path> layers = layers();
        this.signature = signature(layers);
        PolicyLoader.Loaded loaded = PolicyLoader.load(layers);
        LOG.infof("routing by policy %s (mode %s) from %s", loaded.policy().version(), loaded.policy().ai().mode(),
                String.join(", ", loaded.sources()));
        this.current = loaded.policy();
    }

    public Policy current() {
        return current;
    }

    /** Replaces the policy at once; for the admin endpoint to come, and for tests. */
    public void replace(Policy policy) {
        this.current = policy;
    }

    /** Re-reads the layers if any file appeared, changed or went away since the last look. */
    synchronized void reloadIfChanged() {
        List<Path> layers = layers();
        String now = signature(layers);
        if (now.equals(signature)) {
            return;
        }
        signature = now;
        try {
            PolicyLoader.Loaded loaded = PolicyLoader.load(layers);
            Policy previous = current;
            current = loaded.policy();
            LOG.infof("policy changed: %s (mode %s) replaces %s (mode %s)", current.version(), current.ai().mode(),
                    previous.version(), previous.ai().mode());
        } catch (PolicyException e) {
            LOG.errorf("policy change refused, %s stays in force: %s", current.version(), e.getMessage());
        }
    }

    /** The layered lookup, with {@code hybrid.policy.file} on top where it is set. */
    private List<Path> layers() {
        List<Path> layers = new ArrayList<>(PolicyLoader.lookup(System.getenv(), Path.of("").toAbsolutePath(),
                Path.of(System.getProperty("user.home"))));
        extraFile.map(Path::of).ifPresent(layers::add);
        return layers;
    }

    /** What the layers hold now: their contents, so that an edit is seen whatever the file system's clock. */
    private static String signature(List<Path> layers) {
        StringBuilder signature = new StringBuilder();
        for (Path layer : layers) {
            int contents;
            try {
                contents = Arrays.hashCode(Files.readAllBytes(layer));
            } catch (IOException e) {
                contents = -1;
            }
            signature.append(layer).append('=').append(contents).append(';');
        }
        return signature.toString();
    }
}
