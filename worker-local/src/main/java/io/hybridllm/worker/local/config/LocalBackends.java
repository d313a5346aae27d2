package io.hybridllm.worker.local.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.contracts.Tier;
import io.hybridllm.embedding.MiniLmEmbedder;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.ProviderUse;
import io.hybridllm.policy.WorkerProviders;
import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.policy.PolicyBackends;
import io.hybridllm.worker.core.policy.WorkerPolicy;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.provider.KeySupplier;
import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.worker.core.provider.ProviderSettings;
import io.hybridllm.worker.core.resilience.Breaker;
import io.hybridllm.worker.core.resilience.RateLimiter;
import io.hybridllm.worker.core.resilience.Safeguards;
import io.hybridllm.worker.local.backend.InProcessEmbedder;
import io.hybridllm.worker.local.backend.LocalOpenAiServer;
import io.hybridllm.worker.local.backend.OllamaClient;

/**
 * The pool of this worker's backends: every enabled local provider of the policy in force, on its hosts
 * ({@code hybrid.local.backends.*} that name it, else its {@code base_url}), following the policy's changes.
 */
public class LocalBackends {

    @Produces
    @Singleton
    BackendPool pool(LivePolicy policy, WorkerConfig config, Config variables,
            @ConfigProperty(name = "hybrid.worker.health.failure-threshold", defaultValue = "3") int failureThreshold) {
        Function<String, String> env = name -> variables.getOptionalValue(name, String.class).orElse(null);
        Map<String, String> overrides = WorkerPolicy.overrides(variables);
        // The mapping also sees hosts given in forms the property names do not show (environment variables).
        config.backends().forEach((name, host) -> {
            String prefix = WorkerProviders.LOCAL_PREFIX + name + ".";
            overrides.putIfAbsent(prefix + "url", host.url());
            overrides.putIfAbsent(prefix + "provider", host.provider());
            host.slots().ifPresent(slots -> overrides.putIfAbsent(prefix + "slots", String.valueOf(slots)));
        });
        return backends(config, env, overrides).pool(policy, failureThreshold);
    }

    static PolicyBackends backends(WorkerConfig config, Function<String, String> env, Map<String, String> overrides) {
        WorkerProviders.Defaults defaults = new WorkerProviders.Defaults(config.timeout(), 1, config.slots(), 1,
                config.ollamaHost().filter(host -> !host.isBlank()).orElse(null));
        return new PolicyBackends(ProviderUse.WORKER_LOCAL, (use, previous) -> {
            // One limiter for all the provider's hosts: its limits are the provider's, not each host's.
            int budget = use.maxTokens().value() == null ? ProviderSettings.DEFAULT_MAX_TOKENS
                    : use.maxTokens().value();
            RateLimiter limiter = use.rateLimitRpm().value() == 0 && use.rateLimitTpm().value() == 0
                    ? RateLimiter.UNLIMITED
                    : new RateLimiter(use.rateLimitRpm().value(), use.rateLimitTpm().value(), budget,
                            config.rateLimitMaxWait());
            Safeguards safeguards = limiter == RateLimiter.UNLIMITED ? Safeguards.NONE
                    : new Safeguards(Breaker.NONE, limiter);
            return use.hosts().stream()
                    .map(host -> new BackendPool.Slotted(server(use, host, config, env), host.slots(), safeguards))
                    .toList();
        }, overrides, defaults);
    }

    private static ModelBackend server(ProviderUse use, ProviderUse.Host host, WorkerConfig config,
            Function<String, String> env) {
        Map<Tier, String> models = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            if (tier.isLocal() && use.modelFor(tier) != null) {
                models.put(tier, use.modelFor(tier));
            }
        }
        if (use.kind() == ProviderKind.IN_PROCESS) {
            if (host.url() != null) {
                throw new IllegalArgumentException(
                        "hybrid.local.backends." + host.name() + ".url names provider " + use.name()
                                + ", which runs in this process (in-process) and has no address: leave the url out");
            }
            return new InProcessEmbedder(use.name(), MiniLmEmbedder.shared());
        }
        if (host.url() == null) {
            throw new IllegalArgumentException("provider " + use.name() + " (" + use.kind().wireName()
                    + ") has no address: give it a base_url in the policy or hybrid.local.backends.<name>.url");
        }
        return switch (use.kind()) {
            case OLLAMA -> new OllamaClient(
                    host.name(), use.name(), host.url(), new OllamaClient.Timeouts(config.connectTimeout(),
                            use.timeout().value(), config.healthTimeout(), config.pullTimeout()),
                    models, use.maxTokens().value());
            case OPENAI_COMPATIBLE -> openAiCompatible(use, host, config, env, models);
            default -> throw new IllegalArgumentException(
                    "provider " + use.name() + " is of kind " + use.kind().wireName() + ", which is not local");
        };
    }

    /** A key is optional: most self-hosted servers take none; one that wants a key has an api_key_env. */
    private static ModelBackend openAiCompatible(ProviderUse use, ProviderUse.Host host, WorkerConfig config,
            Function<String, String> env, Map<Tier, String> models) {
        List<String> variables = use.keyVariables().value();
        String variable = variables.stream().filter(v -> env.apply(v) != null && !env.apply(v).isBlank()).findFirst()
                .orElse(null);
        KeySupplier keys = variable == null ? KeySupplier.none() : KeySupplier.fixed(env.apply(variable), variable);
        ProviderSettings settings = ProviderSettings.of(use.name(), use.kind(), host.url(), keys)
                .withTimeouts(config.connectTimeout(), use.timeout().value(), config.healthTimeout())
                .withAnswerLimit(use.maxTokens().value());
        return new LocalOpenAiServer(host.name(), new ProviderBackend(settings), models);
    }
}
