package io.hybridllm.worker.local.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.worker.core.ModelBackend;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.provider.KeySupplier;
import io.hybridllm.worker.core.provider.ProviderBackend;
import io.hybridllm.contracts.ProviderKind;
import io.hybridllm.worker.core.provider.ProviderSettings;
import io.hybridllm.worker.local.backend.LocalOpenAiServer;
import io.hybridllm.worker.local.backend.OllamaClient;

/** The pool of this worker's backends, from {@code hybrid.local.backends.*}. */
public class LocalBackends {

    @Produces
    @Singleton
    BackendPool pool(WorkerConfig config,
            @ConfigProperty(name = "hybrid.worker.health.failure-threshold", defaultValue = "3") int failureThreshold) {
        List<BackendPool.Slotted> backends = new ArrayList<>();
        for (Map.Entry<String, WorkerConfig.Backend> entry : config.backends().entrySet()) {
            String name = entry.getKey();
            WorkerConfig.Backend backend = entry.getValue();
            ModelBackend server = switch (backend.kind()) {
                case OLLAMA -> new OllamaClient(name, backend.url(), config);
                case OPENAI_COMPATIBLE -> openAiCompatible(name, backend, config);
            };
            backends.add(new BackendPool.Slotted(server, backend.slots()));
        }
        if (backends.isEmpty()) {
            throw new IllegalArgumentException(
                    "hybrid.local.backends: no backend configured; set hybrid.local.backends.<name>.url (or OLLAMA_HOST)");
        }
        return new BackendPool(backends, failureThreshold);
    }

    /** A key is optional: most self-hosted servers take none. */
    private static ModelBackend openAiCompatible(String name, WorkerConfig.Backend backend, WorkerConfig config) {
        String provider = backend.provider().orElse(name);
        KeySupplier keys = backend.apiKeyEnv().map(variable -> KeySupplier.fixed(System.getenv(variable), variable))
                .orElse(KeySupplier.none());
        ProviderSettings settings = ProviderSettings.of(provider, ProviderKind.OPENAI_COMPATIBLE, backend.url(), keys)
                .withTimeouts(config.connectTimeout(), config.timeout(), config.healthTimeout());
        return new LocalOpenAiServer(name, new ProviderBackend(settings), config.defaultModels());
    }
}
