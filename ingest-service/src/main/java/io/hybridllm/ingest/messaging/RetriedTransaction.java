package io.hybridllm.ingest.messaging;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.quarkus.narayana.jta.QuarkusTransaction;

/** Work in a transaction of its own, retried while the database hiccups (a restart, a failover) for up to a minute. */
@ApplicationScoped
public class RetriedTransaction {

    @Retry(maxRetries = 10, delay = 200, jitter = 100, maxDuration = 60, durationUnit = ChronoUnit.SECONDS)
    public void run(Runnable work) {
        QuarkusTransaction.requiringNew().run(work);
    }
}
