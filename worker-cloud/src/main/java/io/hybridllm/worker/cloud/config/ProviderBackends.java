package io.hybridllm.worker.cloud.config;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.hybridllm.worker.cloud.provider.KeySupplier;
import io.hybridllm.worker.cloud.provider.ProviderBackend;
import io.hybridllm.worker.cloud.provider.ProviderKind;
import io.hybridllm.worker.cloud.provider.ProviderSettings;
import io.hybridllm.worker.core.ModelBackend;

/**
 * Builds provider adapters from {@link WorkerConfig}; the worker serves the one {@code hybrid.worker.provider} names.
 */
@ApplicationScoped
public class ProviderBackends {

    @Produces
    @ApplicationScoped
    ModelBackend served(WorkerConfig config) {
        return new ProviderBackend(settings(config, config.provider(), System::getenv));
    }

    /** The settings of provider {@code name}; {@code env} reads the environment variable a key is taken from. */
    public static ProviderSettings settings(WorkerConfig config, String name, Function<String, String> env) {
        WorkerConfig.Provider provider = config.providers().get(name);
        if (provider == null) {
            throw new IllegalArgumentException("no provider " + name + " under hybrid.worker.providers (configured: "
                    + String.join(", ", config.providers().keySet()) + ")");
        }
        String kindName = provider.kind().orElse(name);
        ProviderKind kind = ProviderKind.byWireName(kindName).orElseThrow(() -> new IllegalArgumentException(
                "provider " + name + " has no known kind: set hybrid.worker.providers." + name + ".kind"));
        return new ProviderSettings(name, kind, provider.baseUrl().orElse(null), keys(name, provider, env),
                provider.defaultModel().orElse(null), provider.connectTimeout(), provider.timeout(),
                provider.healthTimeout(), provider.apiVersion().orElse(null), provider.maxTokens());
    }

    /** The configured key first, else the named environment variable; the source names where to set it. */
    private static KeySupplier keys(String name, WorkerConfig.Provider provider, Function<String, String> env) {
        Optional<String> configured = provider.apiKey().filter(key -> !key.isBlank());
        if (configured.isPresent() || provider.apiKeyEnv().isEmpty()) {
            return KeySupplier.fixed(configured.orElse(null), "hybrid.worker.providers." + name + ".api-key");
        }
        String variable = provider.apiKeyEnv().get();
        return KeySupplier.fixed(env.apply(variable), variable);
    }

}
