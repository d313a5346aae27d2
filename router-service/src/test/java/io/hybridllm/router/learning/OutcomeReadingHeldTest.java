package io.hybridllm.router.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import io.hybridllm.runtime.DependencyStartup;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;

/** A policy that learns does not read outcomes before the router's startup dependencies are prepared. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(OutcomeReadingHeldTest.LearnedAndHeld.class)
class OutcomeReadingHeldTest {

    /** Read in another class loader by Quarkus: kept free of Kafka clients (see CacheRoutingTest). */
    public static class LearnedAndHeld implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.policy.file", OutcomeReadingTest.Heuristic.policyFile("learned").toString(),
                    "test.held-dependency.active", "true");
        }
    }

    @Inject
    OutcomeMemory memory;
    @Inject
    ChannelRegistry channels;
    @Inject
    HeldDependency dependency;
    @Inject
    @Readiness
    DependencyStartup startup;

    @Test
    void outcomesAreReadOnceTheStartupDependenciesArePrepared() {
        String tenant = "held-" + UUID.randomUUID().toString().substring(0, 8);
        OutcomeReadingTest.escalated(tenant, 0, 2);
        await().during(OutcomeReadingTest.NOT_READ).atMost(OutcomeReadingTest.NOT_READ.plusSeconds(1))
                .until(() -> memory.size(tenant) == 0);
        assertThat(startup.prepared()).isFalse();
        assertThat(OutcomeReadingTest.channel(channels).isPaused()).isTrue();

        dependency.arrive();
        await().atMost(OutcomeReadingTest.WAIT).until(() -> memory.size(tenant) == 2);
        assertThat(OutcomeReadingTest.channel(channels).isPaused()).isFalse();
    }
}
