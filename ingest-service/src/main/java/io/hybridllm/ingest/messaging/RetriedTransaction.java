package io.hybridllm.ingest.messaging;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.runtime.DatabaseOutage;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Work in a transaction of its own. While the database is out (a restart, a failover) it is tried again for up to a
 * minute, so that a restart does not dead-letter the status records it interrupted; any other failure is tried again
 * twice, quickly, and then reported, so that a record the database refuses does not hold up the consumer.
 */
@ApplicationScoped
public class RetriedTransaction {

    static final Duration OUTAGE_PATIENCE = Duration.ofMinutes(1);
    private static final int OTHER_TRIES = 3;

    public void run(Runnable work) {
        long giveUp = System.nanoTime() + OUTAGE_PATIENCE.toNanos();
        int otherFailures = 0;
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(work);
                return;
            } catch (RuntimeException e) {
                boolean outage = DatabaseOutage.isOutage(e);
                if (outage ? System.nanoTime() > giveUp : ++otherFailures >= OTHER_TRIES) {
                    throw e;
                }
                pause(outage ? 500 : 200);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis + ThreadLocalRandom.current().nextLong(millis / 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
