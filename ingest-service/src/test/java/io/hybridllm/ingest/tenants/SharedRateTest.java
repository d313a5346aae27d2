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
 * submissions at once through both admit the rate and not one more.
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
        String tenant = "shared-" + System.nanoTime();
        int rate = 30;
        // The tenant's own rate, not the default, is what both replicas read.
        QuarkusTransaction.requiringNew().run(() -> {
            TenantRecord record = new TenantRecord();
            record.id = tenant;
            record.name = tenant;
            record.requestsPerMinute = rate;
            record.createdAt = Instant.now();
            record.persist();
        });
        int admitted = 0;
        try (ExecutorService submits = Executors.newFixedThreadPool(16)) {
            var outcomes = IntStream.range(0, 100).mapToObj(i -> submits.submit(() -> {
                try {
                    (i % 2 == 0 ? replicaOne : replicaTwo).admit(tenant, 1);
                    return true;
                } catch (RateLimited e) {
                    return false;
                }
            })).toList();
            for (Future<Boolean> outcome : outcomes) {
                admitted += outcome.get() ? 1 : 0;
            }
        }
        // The bucket refills one token every two seconds while this runs.
        assertThat(admitted).isBetween(rate, rate + 2);
        assertThatThrownBy(() -> replicaTwo.admit(tenant, 1)).isInstanceOf(RateLimited.class);
    }
}
