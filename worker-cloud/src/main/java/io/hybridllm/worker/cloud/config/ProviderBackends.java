package io.hybridllm.worker.cloud.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.ProviderUse;
import io.hybridllm.policy.WorkerProviders;
import io.hybridllm.worker.cloud.resilience.CircuitEvents;
import io.hybridllm.worker.cloud.resilience.ProviderCircuit;
import io.hybridllm.worker.core.policy.PolicyBackends;
import io.hybridllm.worker.core.policy.WorkerPolicy;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.provider.ApiKey;
import io.hybridllm.worker.core.provider.KeySupplier;
import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.worker.core.provider.ProviderSettings;
import io.hybridllm.worker.core.resilience.Breaker;
import io.hybridllm.worker.core.resilience.RateLimiter;
import io.hybridllm.worker.core.resilience.Safeguards;

/**
 * The pool of this worker's providers: every enabled cloud provider of the policy in force, by the policy's names, each
 * with its {@code max_concurrent_requests} slots, its circuit breaker and its share of the rate limits; it follows the
 * policy's changes (see {@link PolicyBackends}). A decision's chain of cloud targets is walked over them (see
 * {@code TierAnswering}).
 */
public class ProviderBackends {

    @Produces
    @Singleton
    KeyRing ring(CredentialStoreSwitch store) {
        return new KeyRing(store.on());
    }

    @Produces
    @Singleton
    BackendPool pool(LivePolicy policy, WorkerConfig config, CircuitEvents circuits, Config variables, KeyRing ring,
            @ConfigProperty(name = "hybrid.worker.health.failure-threshold", defaultValue = "3") int failureThreshold) {
        // Key variables are read through the configuration, which reads the environment first: tests can set them.
        Function<String, String> env = name -> variables.getOptionalValue(name, String.class).orElse(null);
        Map<String, String> overrides = WorkerPolicy.overrides(variables);
        // The mapping also sees settings given in forms the property names do not show (environment variables).
        config.providers().forEach((name, own) -> own.baseUrl()
                .ifPresent(url -> overrides.putIfAbsent(WorkerProviders.CLOUD_PREFIX + name + ".base-url", url)));
        return backends(config, circuits, env, ring, overrides).pool(policy, failureThreshold);
    }

    /** The policy's cloud providers as this worker builds them; {@code env} reads a key variable. */
    static PolicyBackends backends(WorkerConfig config, CircuitEvents circuits, Function<String, String> env,
            KeyRing ring, Map<String, String> overrides) {
        WorkerProviders.Defaults defaults = new WorkerProviders.Defaults(config.timeout(), config.maxInFlight(), 1,
                config.instances(), null);
        return new PolicyBackends(ProviderUse.WORKER_CLOUD, (use, previous) -> {
            ProviderSettings settings = settings(config, use, env, ring);
            // A provider whose settings changed keeps its circuit: the provider's health did not change with them.
            Breaker breaker = previous.isEmpty() ? new ProviderCircuit(use.name(), config.circuit(), circuits)
                    : previous.getFirst().safeguards().breaker();
            RateLimiter limiter = new RateLimiter(use.rateLimitRpm().value(), use.rateLimitTpm().value(),
                    settings.maxTokens(), config.rateLimitMaxWait());
            return List.of(new BackendPool.Slotted(new ProviderBackend(settings), use.maxConcurrentRequests().value(),
                    new Safeguards(breaker, limiter)));
        }, overrides, defaults);
    }

    /** The settings of one provider: the policy's values, with this worker's overrides. */
    public static ProviderSettings settings(WorkerConfig config, ProviderUse use, Function<String, String> env) {
        return settings(config, use, env, new KeyRing(false));
    }

    static ProviderSettings settings(WorkerConfig config, ProviderUse use, Function<String, String> env, KeyRing ring) {
        Optional<WorkerConfig.Provider> own = Optional.ofNullable(config.providers().get(use.name()));
        return new ProviderSettings(use.name(), use.kind(), use.baseUrl().value(), keys(use, own, env, ring),
                use.model().value(), own.map(WorkerConfig.Provider::connectTimeout).orElse(null), use.timeout().value(),
                own.map(WorkerConfig.Provider::healthTimeout).orElse(null),
                own.flatMap(WorkerConfig.Provider::apiVersion).orElse(null), 0, use.maxTokens().value());
    }

    /**
     * The configured key, which is fixed (tests); else the keys in the variables the policy's {@code api_key_env} names
     * (the kind's default variable without it), in that order, and then those of the credential store (see
     * {@link KeyRing}): these rotate. The source names where to set them; a variable that is unset or blank holds no
     * key.
     */
    private static KeySupplier keys(ProviderUse use, Optional<WorkerConfig.Provider> own, Function<String, String> env,
            KeyRing ring) {
        Optional<String> configured = own.flatMap(WorkerConfig.Provider::apiKey).filter(key -> !key.isBlank());
        List<String> names = use.keyVariables().value();
        if (configured.isPresent() || names.isEmpty() && !ring.storeOn()) {
            return KeySupplier.fixed(configured.orElse(null),
                    configured.isPresent() ? WorkerProviders.CLOUD_PREFIX + use.name() + ".api-key"
                            : "an api_key_env for providers." + use.name() + " in the policy");
        }
        List<ApiKey> keys = names.stream().map(variable -> {
            String secret = env.apply(variable);
            return secret == null || secret.isBlank() ? null : new ApiKey(variable, secret);
        }).filter(Objects::nonNull).toList();
        return ring.rotating(use.name(), keys, String.join(", ", names));
    }
}
