package io.hybridllm.ingest.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.config.IngestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;

/**
 * Delivers due callbacks: POSTs the reply JSON, signed, to the request's callback URL. Any answer but 2xx, and any
 * network failure, is tried again after a wait that doubles each time (a URL that may not be called, checked again
 * before each try, is not), up to the configured number of tries; each outcome is recorded and shown in {@code GET
 * /v1/requests/{id}}. The calls of one tick run concurrently, on the HTTP client's own threads.
 */
@ApplicationScoped
public class CallbackDispatcher {

    private static final Logger LOG = Logger.getLogger(CallbackDispatcher.class);
    private static final int BATCH = 50;

    private final CallbackOutbox outbox;
    private final CallbackSigner signer;
    private final CallbackTargets targets;
    private final IngestConfig.Callbacks config;
    private final MeterRegistry metrics;
    private final PinnedPoster poster;

    public CallbackDispatcher(CallbackOutbox outbox, CallbackSigner signer, CallbackTargets targets,
            IngestConfig config, MeterRegistry metrics, Vertx vertx) {
        this.outbox = outbox;
        this.signer = signer;
        this.targets = targets;
        this.config = config.callbacks();
        this.metrics = metrics;
        this.poster = new PinnedPoster(vertx, this.config.timeout());
    }

    private record Outcome(CallbackOutbox.Due due, Integer status, String error, boolean retriable) {
        Outcome(CallbackOutbox.Due due, Integer status, String error) {
            this(due, status, error, true);
        }

        boolean delivered() {
            return status != null && status / 100 == 2;
        }
    }

    @Scheduled(every = "${hybrid.ingest.callbacks.every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        List<CallbackOutbox.Due> due = QuarkusTransaction.requiringNew()
                .call(() -> outbox.claim(BATCH, config.timeout().multipliedBy(3)));
        if (due.isEmpty()) {
            return;
        }
        List<CompletableFuture<Outcome>> calls = due.stream().map(this::send).toList();
        for (CompletableFuture<Outcome> call : calls) {
            record(call.join());
        }
    }

    private CompletableFuture<Outcome> send(CallbackOutbox.Due due) {
        if (!signer.canSign()) {
            return CompletableFuture.completedFuture(
                    new Outcome(due, null, "not sent: no signing key (set HYBRID_CALLBACK_SIGNING_KEY)"));
        }
        CallbackTarget target;
        try {
            target = targets.check(due.url());
        } catch (InvalidMessageException e) {
            // Its host may resolve elsewhere now than at submission (DNS rebinding): refused for good, not retried.
            return CompletableFuture.completedFuture(new Outcome(due, null, "refused: " + e.reason(), false));
        }
        long timestamp = Instant.now().getEpochSecond();
        Map<String, String> headers = Map.of("Content-Type", "application/json", "User-Agent", "hybrid-llm-callbacks",
                "X-Hybrid-Request-Id", due.requestId(), "X-Hybrid-Delivery-Attempt", String.valueOf(due.attempt()),
                CallbackSigner.TIMESTAMP, String.valueOf(timestamp), CallbackSigner.SIGNATURE,
                signer.signature(due.tenant(), timestamp, due.body()));
        return poster.post(target, headers, due.body())
                .thenApply(status -> new Outcome(due, status, status / 100 == 2 ? null : "answered HTTP " + status))
                .exceptionally(failure -> new Outcome(due, null, describe(failure)));
    }

    @PreDestroy
    void stop() {
        poster.close();
    }

    private void record(Outcome outcome) {
        CallbackOutbox.Due due = outcome.due();
        if (outcome.delivered()) {
            QuarkusTransaction.requiringNew().run(() -> outbox.delivered(due, outcome.status()));
            metrics.counter("hybrid.ingest.callbacks", "outcome", "delivered").increment();
            return;
        }
        Optional<Duration> retryIn = outcome.retriable() && due.attempt() < config.maxAttempts() && signer.canSign()
                ? Optional.of(backoff(due.attempt()))
                : Optional.empty();
        QuarkusTransaction.requiringNew().run(() -> outbox.failed(due, outcome.status(), outcome.error(), retryIn));
        metrics.counter("hybrid.ingest.callbacks", "outcome", retryIn.isPresent() ? "retried" : "failed").increment();
        if (retryIn.isEmpty()) {
            LOG.warnf("callback of request %s given up after %d tries: %s", due.requestId(), due.attempt(),
                    outcome.error());
        }
    }

    /** The wait after the {@code attempt}-th failed try: the base, doubled for each earlier try, capped. */
    Duration backoff(int attempt) {
        Duration wait = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
