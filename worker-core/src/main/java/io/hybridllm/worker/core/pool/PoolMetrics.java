package io.hybridllm.worker.core.pool;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/** Per backend: slots in use and in all, and whether it is healthy; what ops scale and alert on. */
@ApplicationScoped
@Startup
public class PoolMetrics {

    private final MeterRegistry registry;
    private final List<Meter> gauges = new ArrayList<>();

    public PoolMetrics(BackendPool pool, MeterRegistry registry) {
        this.registry = registry;
        for (PooledBackend backend : pool.backends()) {
            gauges.add(Gauge.builder("hybrid.worker.slots.busy", pool, p -> status(p, backend).busy())
                    .tag("backend", backend.name()).register(registry));
            gauges.add(Gauge.builder("hybrid.worker.slots", pool, p -> status(p, backend).slots())
                    .tag("backend", backend.name()).register(registry));
            gauges.add(Gauge.builder("hybrid.worker.backend.healthy", pool, p -> status(p, backend).healthy() ? 1 : 0)
                    .tag("backend", backend.name()).register(registry));
        }
    }

    /**
     * A registry may outlive the application (tests restart it in one JVM), and a gauge registered again under the same
     * name would keep reading the old pool: remove ours.
     */
    @PreDestroy
    void stop() {
        gauges.forEach(registry::remove);
    }

    private static PooledBackend.BackendStatus status(BackendPool pool, PooledBackend backend) {
        synchronized (pool) {
            return backend.status();
        }
    }
}
