package io.hybridllm.worker.cloud.health;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.hybridllm.worker.cloud.backend.OpenAiClient;
import io.smallrye.health.api.HealthGroup;

/**
 * Whether OpenAI answers with the configured key, at {@code /q/health/group/backends}. Deliberately not a readiness
 * check: the worker must start and keep consuming while a provider is down, answering with failed replies. The report
 * never holds the key; errors are redacted by the client.
 */
@HealthGroup("backends")
@ApplicationScoped
public class OpenAiHealthCheck implements HealthCheck {

    private final OpenAiClient openai;

    public OpenAiHealthCheck(OpenAiClient openai) {
        this.openai = openai;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(OpenAiClient.PROVIDER).withData("base-url",
                openai.baseUrl());
        try {
            return response.up().withData("models", openai.models().size()).build();
        } catch (IOException e) {
            return response.down().withData("error", e.getMessage() == null ? e.toString() : e.getMessage()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        }
    }
}
