package io.hybridllm.worker.core;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * Whether the worker's backend answers, at {@code /q/health/group/backends}. Deliberately not a readiness check: the
 * worker must start and keep consuming while the backend is down, answering with failed replies the router can act on.
 */
@HealthGroup("backends")
@ApplicationScoped
public class BackendHealthCheck implements HealthCheck {

    private final ModelBackend backend;

    public BackendHealthCheck(ModelBackend backend) {
        this.backend = backend;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(backend.provider()).withData("base-url",
                backend.baseUrl());
        try {
            Object models = backend.modelsForHealth(backend.models());
            return (models instanceof Number count ? response.withData("models", count.longValue())
                    : response.withData("models", String.valueOf(models))).up().build();
        } catch (IOException e) {
            return response.down().withData("error", e.getMessage() == null ? e.toString() : e.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
