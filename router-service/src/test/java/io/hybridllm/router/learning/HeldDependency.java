package io.hybridllm.router.learning;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.runtime.StartupDependency;

/**
 * A startup dependency that is away until the test lets it be prepared; active only where a test profile says so
 * ({@code test.held-dependency.active}).
 */
@ApplicationScoped
public class HeldDependency implements StartupDependency {

    @ConfigProperty(name = "test.held-dependency.active", defaultValue = "false")
    boolean active;
    private volatile boolean away = true;

    @Override
    public String name() {
        return "held dependency";
    }

    @Override
    public String awaiting() {
        return "the test to let it be";
    }

    @Override
    public boolean active() {
        return active;
    }

    @Override
    public void prepare() {
        if (away) {
            throw new IllegalStateException("away until the test lets it be");
        }
    }

    void arrive() {
        away = false;
    }
}
