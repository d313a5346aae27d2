package io.hybridllm.worker.cloud.resilience;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.cloud.config.WorkerConfig;
import io.hybridllm.worker.core.pool.WorkerIdentity;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Makes each provider's circuit visible: every state change goes to {@code llm.control} as a {@code provider_health}
 * event (scope {@code provider:<name>@<worker>}, so that each worker's view is kept apart on the compacted topic), to
 * the log, and to the metrics {@code hybrid_worker_circuit_state} (0 closed, 1 open, 2 half-open),
 * {@code hybrid_worker_circuit_transitions_total} and {@code hybrid_worker_circuit_prevented_total} (calls refused).
 */
@ApplicationScoped
public class CircuitEvents {

    private static final Logger LOG = Logger.getLogger(CircuitEvents.class);

    private final MutinyEmitter<Record<String, String>> control;
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> states = new ConcurrentHashMap<>();
    private final Map<String, WorkerConfig.Circuit> configs = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    public CircuitEvents(@Channel(Channels.CONTROL_UPDATES) MutinyEmitter<Record<String, String>> control,
            MeterRegistry registry) {
        this.control = control;
        this.registry = registry;
    }

    /** A provider whose circuit is to be watched; it starts closed. */
    void track(String provider, WorkerConfig.Circuit config) {
        configs.put(provider, config);
        if (states.containsKey(provider)) {
            // Tracked already (a provider the policy dropped and named again): one gauge per provider; a new circuit.
            states.get(provider).set(0);
            return;
        }
        AtomicInteger state = states.computeIfAbsent(provider, p -> new AtomicInteger());
        gauges.add(Gauge.builder("hybrid.worker.circuit.state", state, AtomicInteger::get).tag("provider", provider)
                .description("0 closed, 1 open, 2 half-open").register(registry));
    }

    /**
     * A registry may outlive the application (tests restart it in one JVM), and a gauge registered again under the same
     * name would keep reading the old state: remove ours.
     */
    @PreDestroy
    void stop() {
        gauges.forEach(registry::remove);
    }

    void changed(String provider, CircuitState state) {
        int previous = states.get(provider).getAndSet(code(state));
        registry.counter("hybrid.worker.circuit.transitions", "provider", provider, "state", Json.wireName(state))
                .increment();
        String detail = detail(provider, state, previous);
        if (state == CircuitState.CLOSED) {
            LOG.infof("circuit of %s closed: %s", provider, detail);
        } else {
            LOG.warnf("circuit of %s %s: %s", provider, Json.wireName(state), detail);
        }
        String scope = "provider:" + provider + "@" + WorkerIdentity.current();
        ControlEvent event = new ControlEvent.ProviderHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(), scope,
                provider, state, WorkerIdentity.current() + ": " + detail, Instant.now());
        control.send(Record.of(scope, Json.write(event))).subscribe().with(done -> {
        }, failure -> LOG.warnf("circuit state of %s not published: %s", provider, failure.getMessage()));
    }

    void prevented(String provider) {
        registry.counter("hybrid.worker.circuit.prevented", "provider", provider).increment();
    }

    private String detail(String provider, CircuitState state, int previous) {
        WorkerConfig.Circuit config = configs.get(provider);
        return switch (state) {
            case OPEN -> (previous == code(CircuitState.HALF_OPEN) ? "the probe call failed"
                    : config.failureThreshold() + " provider-side failures in a row")
                    + "; calls are skipped, one probe call after " + config.recovery().toMillis() + " ms";
            case HALF_OPEN -> "recovery time passed: the next call is a probe";
            case CLOSED -> "the probe call succeeded";
        };
    }

    private static int code(CircuitState state) {
        return switch (state) {
            case CLOSED -> 0;
            case OPEN -> 1;
            case HALF_OPEN -> 2;
        };
    }
}
