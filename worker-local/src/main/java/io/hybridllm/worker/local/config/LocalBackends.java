package io.hybridllm.worker.local.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.worker.core.pool.BackendPool;
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
            if (backend.kind() != WorkerConfig.Kind.OLLAMA) {
                throw new IllegalArgumentException("hybrid.local.backends." + name + ".kind: " + backend.kind()
                        + " is not supported by this worker yet; use ollama");
            }
            backends.add(new BackendPool.Slotted(new OllamaClient(name, backend.url(), config), backend.slots()));
        }
        if (backends.isEmpty()) {
            throw new IllegalArgumentException(
                    "hybrid.local.backends: no backend configured; set hybrid.local.backends.<name>.url (or OLLAMA_HOST)");
        }
        return new BackendPool(backends, failureThreshold);
    }
}
