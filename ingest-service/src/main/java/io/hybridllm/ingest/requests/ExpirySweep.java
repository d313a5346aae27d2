package io.hybridllm.ingest.requests;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.hybridllm.ingest.callbacks.CallbackOutbox;
import io.hybridllm.ingest.config.IngestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Ends requests past their deadline that no worker will answer: those still queued (the router may be down) and those
 * long past it on a tier. Workers expire what they pick up late themselves; this is for what nobody picks up.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final RequestStore store;
    private final CallbackOutbox outbox;
    private final Completions completions;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public ExpirySweep(RequestStore store, CallbackOutbox outbox, Completions completions, IngestConfig config,
            MeterRegistry metrics) {
        this.store = store;
        this.outbox = outbox;
        this.completions = completions;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${hybrid.ingest.expiry.every:30s}", delayed = "${hybrid.ingest.expiry.every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        List<String> expired = QuarkusTransaction.requiringNew().call(() -> {
            List<String> ended = store.expire(config.expiry().routedGrace());
            ended.forEach(id -> outbox.enqueueEnded(id, RequestStatus.EXPIRED.endingError()));
            return ended;
        });
        if (!expired.isEmpty()) {
            LOG.infof("%d requests expired past their deadline", expired.size());
            metrics.counter("hybrid.ingest.expired").increment(expired.size());
            expired.forEach(completions::reached);
        }
    }
}
