package io.hybridllm.worker.cloud.config;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hybridllm.worker.cloud.backend.OpenAiClient;
import io.hybridllm.worker.core.pool.BackendPool;

/** The providers this worker calls, each with the calls it may have in flight. */
public class CloudBackends {

    @Produces
    @Singleton
    BackendPool pool(OpenAiClient openai,
            @ConfigProperty(name = "hybrid.worker.cloud.max-in-flight", defaultValue = "256") int maxInFlight,
            @ConfigProperty(name = "hybrid.worker.health.failure-threshold", defaultValue = "3") int failureThreshold) {
        return new BackendPool(List.of(new BackendPool.Slotted(openai, maxInFlight)), failureThreshold);
    }
}
