package io.hybridllm.worker.cloud.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.provider.KeySupplier;
import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.worker.core.provider.ProviderKind;
import io.hybridllm.worker.core.provider.ProviderSettings;

/**
 * The pool of this worker's providers: every one under {@code hybrid.cloud.providers}, each with its
 * {@code max-in-flight} slots. A decision's chain of cloud targets is walked over them (see {@code TierAnswering}).
 */
public class ProviderBackends {

    @Produces
    @Singleton
    BackendPool pool(WorkerConfig config,
            @ConfigProperty(name = "hybrid.worker.health.failure-threshold", defaultValue = "3") int failureThreshold) {
        List<BackendPool.Slotted> backends = new ArrayList<>();
        for (Map.Entry<String, WorkerConfig.Provider> entry : config.providers().entrySet()) {
            backends.add(new BackendPool.Slotted(new ProviderBackend(settings(config, entry.getKey(), System::getenv)),
                    entry.getValue().maxInFlight()));
        }
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("hybrid.cloud.providers: no provider configured");
        }
        return new BackendPool(backends, failureThreshold);
    }

    /** The settings of provider {@code name}; {@code env} reads the environment variable a key is taken from. */
    public static ProviderSettings settings(WorkerConfig config, String name, Function<String, String> env) {
        WorkerConfig.Provider provider = config.providers().get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no provider " + name + " under hybrid.cloud.providers (configured: "
                    + String.join(", ", config.providers().keySet()) + ")");
        }
        String kindName = provider.kind().orElse(name);
        ProviderKind kind = ProviderKind.byWireName(kindName).orElseThrow(() -> new IllegalArgumentException(
                "provider " + name + " has no known kind: set hybrid.cloud.providers." + name + ".kind"));
        return new ProviderSettings(name, kind, provider.baseUrl().orElse(null), keys(name, provider, env),
                provider.defaultModel().orElse(null), provider.connectTimeout(), provider.timeout(),
                provider.healthTimeout(), provider.apiVersion().orElse(null), provider.maxTokens());
    }

    /** The configured key first, else the named environment variable; the source names where to set it. */
    private static KeySupplier keys(String name, WorkerConfig.Provider provider, Function<String, String> env) {
        Optional<String> configured = provider.apiKey().filter(key -> !key.isBlank());
        if (configured.isPresent() || provider.apiKeyEnv().isEmpty()) {
            return KeySupplier.fixed(configured.orElse(null), "hybrid.cloud.providers." + name + ".api-key");
        }
        String variable = provider.apiKeyEnv().get();
        return KeySupplier.fixed(env.apply(variable), variable);
    }

}
