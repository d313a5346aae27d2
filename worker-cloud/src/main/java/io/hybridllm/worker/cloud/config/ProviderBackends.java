package io.hybridllm.worker.cloud.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.worker.cloud.resilience.CircuitEvents;
import io.hybridllm.worker.cloud.resilience.ProviderCircuit;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.provider.ApiKey;
import io.hybridllm.worker.core.provider.KeySupplier;
import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.worker.core.provider.ProviderSettings;
import io.hybridllm.worker.core.resilience.RateLimiter;
import io.hybridllm.worker.core.resilience.Safeguards;

/**
 * The pool of this worker's providers: every one under {@code hybrid.cloud.providers}, each with its
 * {@code max-in-flight} slots, its circuit breaker and its share of the rate limits. A decision's chain of cloud
 * targets is walked over them (see {@code TierAnswering}).
 */
public class ProviderBackends {

    @Produces
    @Singleton
    KeyRing ring(CredentialStoreSwitch store) {
        return new KeyRing(store.on());
    }

    @Produces
    @Singleton
    BackendPool pool(WorkerConfig config, CircuitEvents circuits, Config variables, KeyRing ring,
            @ConfigProperty(name = "hybrid.worker.health.failure-threshold", defaultValue = "3") int failureThreshold) {
        // Key variables are read through the configuration, which reads the environment first: tests can set them.
        Function<String, String> env = name -> variables.getOptionalValue(name, String.class).orElse(null);
        List<BackendPool.Slotted> backends = new ArrayList<>();
        for (Map.Entry<String, WorkerConfig.Provider> entry : config.providers().entrySet()) {
            ProviderSettings settings = settings(config, entry.getKey(), env, ring);
            Safeguards safeguards = new Safeguards(new ProviderCircuit(entry.getKey(), config.circuit(), circuits),
                    limiter(config, entry.getValue(), settings));
            backends.add(
                    new BackendPool.Slotted(new ProviderBackend(settings), entry.getValue().maxInFlight(), safeguards));
        }
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("hybrid.cloud.providers: no provider configured");
        }
        return new BackendPool(backends, failureThreshold);
    }

    /** The settings of provider {@code name}; {@code env} reads the environment variable a key is taken from. */
    public static ProviderSettings settings(WorkerConfig config, String name, Function<String, String> env) {
        return settings(config, name, env, new KeyRing(false));
    }

    /** As above, with the provider's rotating keys kept in {@code ring}, for the credential store. */
    static ProviderSettings settings(WorkerConfig config, String name, Function<String, String> env, KeyRing ring) {
        WorkerConfig.Provider provider = config.providers().get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no provider " + name + " under hybrid.cloud.providers (configured: "
                    + String.join(", ", config.providers().keySet()) + ")");
        }
        String kindName = provider.kind().orElse(name);
        ProviderKind kind = ProviderKind.byWireName(kindName).orElseThrow(() -> new IllegalArgumentException(
                "provider " + name + " has no known kind: set hybrid.cloud.providers." + name + ".kind"));
        return new ProviderSettings(name, kind, provider.baseUrl().orElse(null), keys(name, provider, env, ring),
                provider.defaultModel().orElse(null), provider.connectTimeout(), provider.timeout(),
                provider.healthTimeout(), provider.apiVersion().orElse(null), provider.maxTokens());
    }

    /** This instance's share of the provider's limits: each of {@code instances} workers takes an equal part. */
    static RateLimiter limiter(WorkerConfig config, WorkerConfig.Provider provider, ProviderSettings settings) {
        return new RateLimiter(share(provider.rateLimitRpm(), config.instances()),
                share(provider.rateLimitTpm(), config.instances()), settings.maxTokens(), config.rateLimitMaxWait());
    }

    /** 0 (no limit) when none is set; else the instance's part, at least 1. */
    static int share(OptionalInt limit, int instances) {
        return limit.isEmpty() ? 0 : Math.max(1, limit.getAsInt() / Math.max(1, instances));
    }

    /**
     * The configured key, which is fixed; else the keys in the named environment variables, in that order, and then
     * those of the credential store (see {@link KeyRing}): these rotate. The source names where to set them; a variable
     * that is unset or blank holds no key.
     */
    private static KeySupplier keys(String name, WorkerConfig.Provider provider, Function<String, String> env,
            KeyRing ring) {
        Optional<String> configured = provider.apiKey().filter(key -> !key.isBlank());
        if (configured.isPresent() || provider.apiKeyEnv().isEmpty() && !ring.storeOn()) {
            return KeySupplier.fixed(configured.orElse(null), "hybrid.cloud.providers." + name + ".api-key");
        }
        List<String> names = provider.apiKeyEnv().orElse(List.of()).stream().map(String::strip)
                .filter(v -> !v.isEmpty()).toList();
        List<ApiKey> keys = names.stream().map(variable -> {
            String secret = env.apply(variable);
            return secret == null || secret.isBlank() ? null : new ApiKey(variable, secret);
        }).filter(Objects::nonNull).toList();
        return ring.rotating(name, keys, String.join(", ", names));
    }
}
