package io.hybridllm.worker.core.pool;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;

/**
 * Checks every backend on an interval by listing its models. A backend failing {@code failure-threshold} checks in a
 * row is disabled (no slots are given on it) and enabled again by the first check that passes. Each tier this worker
 * serves is healthy while some healthy backend has the tier's model; this worker's view of each tier goes to
 * {@code llm.control} whenever it changes and every {@code report-interval} besides, so that the router can tell a live
 * report from a stopped worker's last one. Each provider's health goes there too when it changes
 * ({@link ProviderChecks}). Where a backend can prepare models, a missing tier model is pulled (if allowed) and each
 * tier model is warmed up once the backend is first seen healthy.
 */
@ApplicationScoped
@Startup
public class HealthMonitor {

    private static final Logger LOG = Logger.getLogger(HealthMonitor.class);

    private final BackendPool pool;
    private final List<Tier> tiers;
    private final MutinyEmitter<Record<String, String>> control;
    private final boolean pullMissing;
    private final boolean warmUp;
    private final String worker = WorkerIdentity.current();
    private final Map<Tier, Boolean> reported = new ConcurrentHashMap<>();
    private final ProviderChecks providerChecks;
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "backend-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant lastReport = Instant.EPOCH;
    private final Duration reportInterval;
    private final LivePolicy policy;
    private final Duration interval;

    public HealthMonitor(BackendPool pool, LivePolicy policy,
            @ConfigProperty(name = "hybrid.worker.tiers") List<String> tiers,
            @Channel(Channels.CONTROL_UPDATES) MutinyEmitter<Record<String, String>> control,
            @ConfigProperty(name = "hybrid.worker.health.interval", defaultValue = "10s") Duration interval,
            @ConfigProperty(name = "hybrid.worker.health.report-interval", defaultValue = "30s") Duration reportInterval,
            @ConfigProperty(name = "hybrid.worker.models.pull-missing", defaultValue = "false") boolean pullMissing,
            @ConfigProperty(name = "hybrid.worker.models.warm-up", defaultValue = "true") boolean warmUp) {
        this.pool = pool;
        this.tiers = tiers.stream().map(Tier::ofWireName).toList();
        this.control = control;
        this.providerChecks = new ProviderChecks(
                (scope, json) -> control.send(Record.of(scope, json)).subscribeAsCompletionStage(), worker);
        this.reportInterval = reportInterval;
        this.pullMissing = pullMissing;
        this.warmUp = warmUp;
        this.policy = policy;
        this.interval = interval;
        timer.execute(this::round);
        // A policy change adds or drops backends: check the new ones and report the tiers now, not an interval later.
        // Those checked before are not checked again: a burst of changes must not count as failed checks in a row.
        pool.onChange(() -> timer.execute(this::checkNew));
    }

    /** The backends never checked yet (added by a policy change), then the tiers reported. */
    void checkNew() {
        try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.backends().stream().filter(backend -> pool.neverChecked(backend))
                    .forEach(backend -> checks.execute(() -> check(backend)));
        }
        reportTiers();
    }

    /** The time between rounds: the policy's [health] check_interval_seconds, else {@code own}. */
    static Duration interval(Policy policy, Duration own) {
        Integer seconds = policy.health().checkIntervalSeconds();
        return seconds != null ? Duration.ofSeconds(seconds) : own;
    }

    /** A round, then the next one after the interval in force now: a policy change applies from the next round. */
    private void round() {
        try {
            checkAll();
        } finally {
            try {
                timer.schedule(this::round, interval(policy.current(), interval).toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Shutting down.
            }
        }
    }

    /** One round: every backend checked (in parallel, each bounded by its health timeout), then the tiers reported. */
    void checkAll() {
        try (var checks = Executors.newVirtualThreadPerTaskExecutor()) {
            pool.backends().forEach(backend -> checks.execute(() -> check(backend)));
        }
        reportTiers();
        providerChecks.report(pool.status());
    }

    private void check(PooledBackend member) {
        Instant at = Instant.now();
        try {
            List<String> models = member.backend().models();
            if (pool.checked(member, models, at) == BackendPool.HealthChange.RECOVERED) {
                LOG.infof("backend %s at %s is back: %s", member.name(), member.backend().baseUrl(), models);
            }
            prepare(member, models);
        } catch (IOException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (pool.checkFailed(member, error, at) == BackendPool.HealthChange.DISABLED) {
                LOG.warnf("backend %s at %s disabled after failed health checks: %s", member.name(),
                        member.backend().baseUrl(), error);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Pulls the tier models the backend lacks (if allowed) and warms each up once. */
    private void prepare(PooledBackend member, List<String> models) throws InterruptedException {
        if (!(member.backend() instanceof ModelPreparation preparation)) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        tiers.forEach(tier -> wanted.add(member.backend().defaultModel(tier)));
        wanted.remove(null);
        for (String model : wanted) {
            String key = member.name() + "/" + model;
            if (prepared.contains(key)) {
                continue;
            }
            try {
                if (!pool.has(member, model)) {
                    if (!pullMissing) {
                        continue;
                    }
                    LOG.infof("pulling %s on %s (hybrid.worker.models.pull-missing)", model, member.name());
                    preparation.pull(model);
                }
                if (warmUp) {
                    preparation.warmUp(model);
                    LOG.infof("%s is loaded on %s", model, member.name());
                }
                prepared.add(key);
            } catch (IOException e) {
                LOG.warnf("could not prepare %s on %s: %s", model, member.name(), e.getMessage());
            }
        }
    }

    private void reportTiers() {
        boolean heartbeat = Instant.now().isAfter(lastReport.plus(reportInterval));
        for (Tier tier : tiers) {
            boolean healthy = pool.servesTier(tier);
            if (heartbeat || !Objects.equals(reported.put(tier, healthy), healthy)) {
                publish(tier, healthy);
            }
        }
        if (heartbeat) {
            lastReport = Instant.now();
        }
    }

    private void publish(Tier tier, boolean healthy) {
        String scope = "tier:" + tier.wireName() + "@" + worker;
        // Backends that cannot chat (the in-process embedder) say nothing about whether the tier can answer.
        List<PooledBackend> chatting = pool.backends().stream().filter(b -> b.backend().chats()).toList();
        long up = chatting.stream().filter(b -> b.status().healthy()).count();
        String detail = pool.backends().isEmpty() ? worker + ": " + pool.whyEmpty()
                : worker + ": " + up + " of " + chatting.size() + " backends healthy"
                        + (healthy ? "" : ", none with the " + tier.wireName() + " model");
        ControlEvent event = new ControlEvent.TierHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(), scope,
                tier, healthy, detail, Instant.now());
        control.send(Record.of(scope, Json.write(event))).subscribe().with(done -> {
        }, failure -> LOG.warnf("tier health report not sent (next round retries): %s", failure.getMessage()));
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
