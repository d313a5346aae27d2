package io.hybridllm.worker.core.pool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Per backend: slots in use and in all, and whether it is healthy; what ops scale and alert on. The backends follow the
 * policy, so the gauges do too: a backend's appear with it and go with it (bounded by the backends the policy gives).
 */
@ApplicationScoped
@Startup
public class PoolMetrics {

    private final MeterRegistry registry;
    private final BackendPool pool;
    private final Map<String, List<Meter>> gauges = new LinkedHashMap<>();

    public PoolMetrics(BackendPool pool, MeterRegistry registry) {
        this.registry = registry;
        this.pool = pool;
        follow();
        pool.onChange(this::follow);
    }

    private synchronized void follow() {
        Set<String> names = pool.backends().stream().map(PooledBackend::name).collect(Collectors.toSet());
        gauges.keySet().removeIf(name -> {
            boolean gone = !names.contains(name);
            if (gone) {
                gauges.get(name).forEach(registry::remove);
            }
            return gone;
        });
        for (String name : names) {
            gauges.computeIfAbsent(name, this::register);
        }
    }

    private List<Meter> register(String backend) {
        List<Meter> meters = new ArrayList<>();
        meters.add(Gauge.builder("hybrid.worker.slots.busy", pool, p -> status(p, backend).map(s -> s.busy()).orElse(0))
                .tag("backend", backend).register(registry));
        meters.add(Gauge.builder("hybrid.worker.slots", pool, p -> status(p, backend).map(s -> s.slots()).orElse(0))
                .tag("backend", backend).register(registry));
        meters.add(Gauge
                .builder("hybrid.worker.backend.healthy", pool,
                        p -> status(p, backend).map(s -> s.healthy() ? 1 : 0).orElse(0))
                .tag("backend", backend).register(registry));
        return meters;
    }

    /**
     * A registry may outlive the application (tests restart it in one JVM), and a gauge registered again under the same
     * name would keep reading the old pool: remove ours.
     */
    @PreDestroy
    synchronized void stop() {
        gauges.values().forEach(meters -> meters.forEach(registry::remove));
        gauges.clear();
    }

    /** The backend's status now, from the pool in force (a backend of the same name may have been rebuilt). */
    private static Optional<PooledBackend.BackendStatus> status(BackendPool pool, String backend) {
        return pool.status().stream().filter(s -> s.name().equals(backend)).findFirst();
    }
}
