package io.hybridllm.router.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.router.routing.PolicyInForce;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;

/**
 * With the fixed formula the router does not read {@value Topics#OUTCOMES}; a policy that learns, from a file or
 * published, reads what was written meanwhile; back to the fixed formula, it stops reading again.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(OutcomeReadingTest.Heuristic.class)
class OutcomeReadingTest {

    /** Read in another class loader by Quarkus: kept free of Kafka clients (see CacheRoutingTest). */
    public static class Heuristic implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.policy.file", policyFile("heuristic").toString());
        }

        static Path policyFile(String method) {
            try {
                Path file = Files.createTempDirectory("outcome-reading").resolve("policy.toml");
                Files.writeString(file, "[scoring]\nmethod = \"" + method + "\"\n");
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final Duration WAIT = Duration.ofSeconds(30);
    /** How long an outcome not read stays not read, to be sure it is not merely late. */
    static final Duration NOT_READ = Duration.ofSeconds(2);
    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final String HEURISTIC = "[scoring]\nmethod = \"heuristic\"\n";

    @Inject
    OutcomeMemory memory;
    @Inject
    PolicyInForce policies;
    @Inject
    ChannelRegistry channels;
    @Inject
    MeterRegistry metrics;

    private final String tenant = "reading-" + UUID.randomUUID().toString().substring(0, 8);

    /** What a worker publishes once a request it was given, routed with an embedding, was answered by the cloud. */
    static void escalated(String tenant, int from, int to) {
        for (int i = from; i < to; i++) {
            String id = tenant + "-" + i;
            RequestOutcome outcome = new RequestOutcome(0, id, tenant, RequestOutcome.Source.WORKER, TaskType.CHAT,
                    Tier.LOCAL_FAST, Tier.CLOUD, true, 0.2, null, Vectors.toBase64(new float[] { 1, i, 2 }),
                    Instant.now());
            kafka.send(Topics.OUTCOMES, id, Json.write(outcome));
        }
    }

    static PausableChannel channel(ChannelRegistry channels) {
        return channels.getPausable(Channels.OUTCOMES);
    }

    @AfterEach
    void backToTheFixedFormula() {
        policies.applyPublished(change(null));
        policies.replace(PolicyLoader.fromText(HEURISTIC, "test"));
    }

    private static ControlEvent.PolicyChange change(String toml) {
        return new ControlEvent.PolicyChange(1, UUID.randomUUID().toString(), "policy",
                toml == null ? null : "reading-published", null, toml, "test", List.of(), Instant.now());
    }

    @Test
    void outcomesAreReadOnlyWhileThePolicyLearnsAndThoseWrittenMeanwhileAreReadThen() {
        assertThat(channel(channels).isPaused()).isTrue();
        escalated(tenant, 0, 3);
        await().during(NOT_READ).atMost(NOT_READ.plusSeconds(1)).until(() -> memory.size(tenant) == 0);
        assertThat(metrics.get("hybrid.router.learning.outcomes").gauge().value()).isZero();
        assertThat(channel(channels).isPaused()).isTrue();

        policies.replace(PolicyLoader.fromText("[scoring]\nmethod = \"learned\"\n", "test"));
        assertThat(channel(channels).isPaused()).isFalse();
        await().atMost(WAIT).until(() -> memory.size(tenant) == 3);

        policies.replace(PolicyLoader.fromText(HEURISTIC, "test"));
        assertThat(channel(channels).isPaused()).isTrue();
        escalated(tenant, 3, 5);
        await().during(NOT_READ).atMost(NOT_READ.plusSeconds(1)).until(() -> memory.size(tenant) == 3);

        policies.applyPublished(change("[scoring]\nmethod = \"blend\"\n"));
        assertThat(channel(channels).isPaused()).isFalse();
        await().atMost(WAIT).until(() -> memory.size(tenant) == 5);

        policies.applyPublished(change(null));
        assertThat(policies.current().scoring().learns()).as("back to the file's policy").isFalse();
        assertThat(channel(channels).isPaused()).isTrue();
    }
}
