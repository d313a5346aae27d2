package io.hybridllm.worker.core.pool;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Per backend: slots in use and in all, and whether it is healthy; what ops scale and alert on. */
@ApplicationScoped
@Startup
public class PoolMetrics {

    public PoolMetrics(BackendPool pool, MeterRegistry registry) {
        for (PooledBackend backend : pool.backends()) {
            Gauge.builder("hybrid.worker.slots.busy", pool, p -> status(p, backend).busy())
                    .tag("backend", backend.name()).register(registry);
            Gauge.builder("hybrid.worker.slots", pool, p -> status(p, backend).slots()).tag("backend", backend.name())
                    .register(registry);
            Gauge.builder("hybrid.worker.backend.healthy", pool, p -> status(p, backend).healthy() ? 1 : 0)
                    .tag("backend", backend.name()).register(registry);
        }
    }

    private static PooledBackend.BackendStatus status(BackendPool pool, PooledBackend backend) {
        synchronized (pool) {
            return backend.status();
        }
    }
}
