package io.hybridllm.ingest.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A tenant's rate holds across replicas: two limiters stand for two ingest replicas on one database, and many
 * submissions at once through both admit the rate and not one more, with leases (a high rate) or without (a low one).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class SharedRateTest {

    @Inject
    RateLimiter replicaOne;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IngestConfig config;

    @Test
    void twoReplicasTogetherAdmitTheTenantsRateOnce() throws Exception {
        RateLimiter replicaTwo = new RateLimiter(dataSource, config);
        int rate = 30;
        // The tenant's own rate, not the default, is what both replicas read.
        String tenant = tenantWithRate(rate);
        int admitted = admitAtOnce(tenant, 100, replicaOne, replicaTwo);
        // The bucket refills one token every two seconds while this runs.
        assertThat(admitted).isBetween(rate, rate + 2);
        assertThatThrownBy(() -> replicaTwo.admit(tenant, 1)).isInstanceOf(RateLimited.class);
    }

    @Test
    void twoReplicasWithLeasesTogetherAdmitNoMoreThanTheRate() throws Exception {
        RateLimiter replicaTwo = new RateLimiter(dataSource, config);
        int rate = 6_000;
        assertThat(RateLimiter.block(rate)).isEqualTo(10);
        String tenant = tenantWithRate(rate);
        long started = System.nanoTime();
        int admitted = admitAtOnce(tenant, 7_000, replicaOne, replicaTwo);
        // The bucket was made after `started` and refills 100 tokens a second.
        double refilled = (System.nanoTime() - started) * rate / 60e9;
        assertThat(admitted).isLessThanOrEqualTo(rate + (int) Math.ceil(refilled));
        // Leased tokens left unspent at the end are lost: a little under the rate, never over.
        assertThat(admitted).isGreaterThanOrEqualTo(rate * 9 / 10);
        // Of its 3,500 submissions, most were admitted from its leases (each refusal is a trip).
        assertThat(replicaTwo.trips()).isLessThan(3_500 / 2);
    }

    @Test
    void aHighRateIsTakenFromTheDatabaseInBlocks() {
        RateLimiter replica = new RateLimiter(dataSource, config);
        String tenant = tenantWithRate(60_000);
        for (int i = 0; i < 650; i++) {
            replica.admit(tenant, 1);
        }
        // Each trip takes 1 + 64 tokens: 10 trips, unless a lease ended on a very slow machine.
        assertThat(replica.trips()).isLessThan(65);
    }

    @Test
    void aLowRateGoesToTheDatabaseForEverySubmission() {
        RateLimiter replica = new RateLimiter(dataSource, config);
        String tenant = tenantWithRate(599);
        for (int i = 0; i < 20; i++) {
            replica.admit(tenant, 1);
        }
        assertThat(replica.trips()).isEqualTo(20);
    }

    private static String tenantWithRate(int rate) {
        String tenant = "shared-" + System.nanoTime();
        QuarkusTransaction.requiringNew().run(() -> {
            TenantRecord record = new TenantRecord();
            record.id = tenant;
            record.name = tenant;
            record.requestsPerMinute = rate;
            record.createdAt = Instant.now();
            record.persist();
        });
        return tenant;
    }

    /** Submissions at once, alternately through each replica; how many were admitted. */
    private static int admitAtOnce(String tenant, int submissions, RateLimiter one, RateLimiter two) throws Exception {
        int admitted = 0;
        try (ExecutorService submits = Executors.newFixedThreadPool(16)) {
            var outcomes = IntStream.range(0, submissions).mapToObj(i -> submits.submit(() -> {
                try {
                    (i % 2 == 0 ? one : two).admit(tenant, 1);
                    return true;
                } catch (RateLimited e) {
                    return false;
                }
            })).toList();
            for (Future<Boolean> outcome : outcomes) {
                admitted += outcome.get() ? 1 : 0;
            }
        }
        return admitted;
    }
}
