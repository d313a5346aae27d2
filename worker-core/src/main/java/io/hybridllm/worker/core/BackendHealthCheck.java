package io.hybridllm.worker.core;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.pool.PooledBackend;
import io.smallrye.health.api.HealthGroup;

/**
 * Each backend as the last health checks found it, at {@code /q/health/group/backends}: up while any backend is.
 * Deliberately not a readiness check: the worker must keep consuming while its backends are down, escalating or failing
 * requests with reasons the router and clients can act on.
 */
@HealthGroup("backends")
@ApplicationScoped
public class BackendHealthCheck implements HealthCheck {

    private final BackendPool pool;

    public BackendHealthCheck(BackendPool pool) {
        this.pool = pool;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("backends");
        boolean anyUp = false;
        for (PooledBackend.BackendStatus backend : pool.status()) {
            // Down as soon as its last check failed, though slots are still given on it until the failure threshold.
            boolean up = backend.healthy() && backend.consecutiveFailures() == 0;
            anyUp |= up;
            response.withData(backend.name(),
                    String.format("%s %s, %d/%d slots busy%s%s%s", up ? "up" : backend.healthy() ? "failing" : "down",
                            backend.baseUrl(), backend.busy(), backend.slots(),
                            backend.circuit() == ControlEvent.CircuitState.CLOSED ? ""
                                    : ", circuit " + Json.wireName(backend.circuit()),
                            backend.models() == null ? "" : ", models " + String.join(",", backend.models()),
                            backend.lastError().isEmpty() ? "" : ", last error: " + backend.lastError()));
        }
        if (pool.backends().isEmpty()) {
            response.withData("why", pool.whyEmpty());
        }
        return response.status(anyUp).build();
    }
}
