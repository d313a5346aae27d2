package io.hybridllm.cost.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ControlEvent.CircuitState;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The caps on tracked workers and providers ({@code max-workers}, {@code max-providers}) and the newer-report rule, on
 * the real schema. The tables are shared with the other tests of the JVM, so each cap is set from the rows there are.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class ProviderReportTablesTest {

    private static final Instant NOW = Instant.parse("2032-05-05T12:00:00Z");

    @Inject
    ProviderReportTables tables;

    @Inject
    EntityManager entityManager;

    @Test
    void aNewWorkerBeyondTheCapIsRefusedUnlessASilentOneCanBeForgotten() {
        inRolledBackTransaction(() -> {
            int cap = (int) rows("control_worker") + 1;
            String first = unique("worker");
            assertThat(tables.hear(first, NOW, cap, Instant.EPOCH)).isTrue();
            String late = unique("worker");
            assertThat(tables.hear(late, NOW, cap, Instant.EPOCH)).as("at the cap").isFalse();
            assertThat(tables.hear(first, NOW, 1, Instant.EPOCH)).as("a worker tracked already").isTrue();
            String silent = unique("worker");
            assertThat(tables.hear(silent, NOW.minusSeconds(3600), cap + 1, Instant.EPOCH)).isTrue();
            // The one heard from an hour before NOW is silent at NOW: forgotten, it makes room.
            assertThat(tables.hear(late, NOW, cap + 1, NOW.minusSeconds(60))).isTrue();
            assertThat(rows("control_worker where worker = '" + silent + "'")).isZero();
            assertThat(rows("control_worker where worker = '" + late + "'")).isOne();
        });
    }

    @Test
    void aNewProviderBeyondTheCapIsRefused() {
        inRolledBackTransaction(() -> {
            int cap = (int) rows("provider_outage") + 1;
            String first = unique("provider");
            assertThat(tables.lock(first, cap)).isPresent();
            assertThat(tables.lock(unique("provider"), cap)).isEmpty();
            assertThat(tables.lock(first, cap)).as("a provider tracked already").isPresent();
        });
    }

    @Test
    void anOlderReportOfAScopeChangesNothing() {
        inRolledBackTransaction(() -> {
            String provider = unique("provider");
            tables.hear("w", NOW, Integer.MAX_VALUE, Instant.EPOCH);
            tables.save(report(provider, CircuitState.CLOSED, NOW), "w");
            tables.save(report(provider, CircuitState.OPEN, NOW.minusSeconds(1)), "w");
            assertThat(tables.liveOut(provider, NOW.minusSeconds(60))).isEmpty();
            tables.save(report(provider, CircuitState.HALF_OPEN, NOW.plusSeconds(1)), "w");
            assertThat(tables.liveOut(provider, NOW.minusSeconds(60))).singleElement()
                    .satisfies(out -> assertThat(out.state()).isEqualTo("half_open"));
            assertThat(tables.liveOut(provider, NOW.plusSeconds(2))).as("the worker is silent since").isEmpty();
        });
    }

    private static ControlEvent.ProviderHealth report(String provider, CircuitState state, Instant at) {
        return new ControlEvent.ProviderHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "provider:" + provider + "@w", provider, state, "w: " + state, at);
    }

    /** The tables are shared: what a test writes is rolled back. */
    private static void inRolledBackTransaction(Runnable test) {
        QuarkusTransaction.begin();
        try {
            test.run();
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private long rows(String table) {
        return ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult())
                .longValue();
    }

    private static String unique(String what) {
        return what + "-" + UUID.randomUUID();
    }
}
