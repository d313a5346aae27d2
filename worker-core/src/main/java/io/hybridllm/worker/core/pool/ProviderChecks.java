package io.hybridllm.worker.core.pool;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.json.Json;

/**
 * Each provider's health as this worker's checks find it, on {@code llm.control} as a {@code provider_health} event
 * whenever it changes: {@code open} once every backend of the provider is disabled by failed checks, {@code closed}
 * once one passes again. Scoped {@code provider-check:<name>@<worker>}, beside the cloud worker's circuit
 * ({@code provider:<name>@<worker>}), so that on the compacted topic neither view replaces the other. A provider is
 * taken as healthy until its checks say otherwise, so a healthy start publishes nothing.
 */
public final class ProviderChecks {

    private static final Logger LOG = Logger.getLogger(ProviderChecks.class);

    /** Sends one record to {@code llm.control}; the stage fails when it was not sent. */
    @FunctionalInterface
    public interface Sender {
        CompletionStage<Void> send(String scope, String json);
    }

    private final Sender sender;
    private final String worker;
    /** What was last published per provider: one entry per provider of this worker's backends. */
    private final Map<String, Boolean> published = new HashMap<>();

    public ProviderChecks(Sender sender, String worker) {
        this.sender = sender;
        this.worker = worker;
    }

    /** After a round of checks: publishes each provider whose health differs from what was last published. */
    public synchronized void report(List<PooledBackend.BackendStatus> backends) {
        Map<String, List<PooledBackend.BackendStatus>> byProvider = backends.stream().collect(
                Collectors.groupingBy(PooledBackend.BackendStatus::provider, LinkedHashMap::new, Collectors.toList()));
        byProvider.forEach((provider, members) -> {
            boolean healthy = members.stream().anyMatch(PooledBackend.BackendStatus::healthy);
            if (published.getOrDefault(provider, true) != healthy) {
                publish(provider, healthy, members);
            }
        });
    }

    private void publish(String provider, boolean healthy, List<PooledBackend.BackendStatus> members) {
        published.put(provider, healthy);
        String scope = "provider-check:" + provider + "@" + worker;
        String detail = worker + ": "
                + (healthy ? "health checks pass again"
                        : "every backend fails its health checks: "
                                + members.stream().map(member -> member.name() + " " + member.lastError())
                                        .collect(Collectors.joining("; ")));
        ControlEvent event = new ControlEvent.ProviderHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(), scope,
                provider, healthy ? CircuitState.CLOSED : CircuitState.OPEN, detail, Instant.now());
        sender.send(scope, Json.write(event)).whenComplete((done, failure) -> {
            if (failure != null) {
                // Not sent: forget it, so that the next round publishes the health it finds then.
                synchronized (this) {
                    if (published.remove(provider, healthy) && healthy) {
                        // Absent reads as healthy: marked failing instead, so that the next round sends closed again.
                        published.put(provider, false);
                    }
                }
                LOG.warnf("health of provider %s not published (next round retries): %s", provider,
                        failure.getMessage());
            }
        });
        if (healthy) {
            LOG.infof("provider %s: %s", provider, detail);
        } else {
            LOG.warnf("provider %s: %s", provider, detail);
        }
    }
}
