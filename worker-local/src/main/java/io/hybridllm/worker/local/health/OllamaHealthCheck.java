package io.hybridllm.worker.local.health;

import java.io.IOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.hybridllm.worker.local.backend.OllamaClient;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether Ollama answers, at {@code /q/health/group/backends}. Deliberately not a readiness check: the worker must
 * start and keep consuming while the backend is down, answering with failed replies the router can act on.
 */
@HealthGroup("backends")
@ApplicationScoped
public class OllamaHealthCheck implements HealthCheck {

    private final OllamaClient ollama;

    public OllamaHealthCheck(OllamaClient ollama) {
        this.ollama = ollama;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(OllamaClient.PROVIDER).withData("base-url",
                ollama.baseUrl());
        try {
            List<String> models = ollama.models();
            return response.up().withData("models", String.join(",", models)).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getMessage() == null ? e.toString() : e.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
