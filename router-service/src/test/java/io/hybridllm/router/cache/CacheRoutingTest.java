package io.hybridllm.router.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.CacheEntry;
import io.hybridllm.contracts.CacheKey;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.routing.PolicyInForce;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The cache through Kafka: an entry a worker wrote to {@value Topics#CACHE} answers the same request at the router,
 * with its reply and a zero-priced usage event and nothing sent to a tier; a miss is routed with the caching plan; and
 * a fresh replica's follower, reading the topic from the beginning, finds the same entries.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@TestProfile(CacheRoutingTest.Cached.class)
class CacheRoutingTest {

    /**
     * The policy file lives here, not in the test class: Quarkus reads the profile in another class loader, where
     * initialising the test class would open a second Kafka client that cannot close.
     */
    public static class Cached implements QuarkusTestProfile {

        static final String POLICY = "[routing.hybrid]\nchat = { provider = \"ollama\", fallback = \"openai\","
                + " cache_ttl_hours = 1 }\n";

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.policy.file", policyFile().toString());
        }

        static Path policyFile() {
            try {
                Path file = Files.createTempDirectory("cache-routing").resolve("cache.toml");
                return Files.writeString(file, POLICY);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Inject
    ResponseCache cache;

    private static LlmRequest request(String id, String prompt, RequestHints hints) {
        return ResponseCacheTest.request(id, "acme", TaskType.CHAT, prompt, hints);
    }

    /** The entry a worker writes after answering {@code answered}. */
    private static CacheEntry written(LlmRequest answered) {
        CacheKey.Keys keys = CacheKey.of(answered);
        Instant created = Instant.now().minusSeconds(600);
        CacheEntry entry = new CacheEntry(SchemaVersion.CURRENT, "acme", keys.exact(), keys.context(), answered.id(),
                null, "Paris", null, null, Tier.CLOUD, "openai", "gpt-4o-mini", new TokenUsage(20, 2),
                new BigDecimal("0.0031"), created, created.plus(Duration.ofHours(1)));
        kafka.send(Topics.CACHE, entry.recordKey(), Json.write(entry));
        return entry;
    }

    @Test
    void aCachedAnswerIsTheReplyWithZeroCostAndNothingGoesToATier() {
        CacheEntry entry = written(request("cache-original", "What is the capital of France?", null));
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> cache.index().exact("acme", entry.key(), Instant.now()).isPresent());

        kafka.send(Topics.REQUESTS, "cache-again",
                Json.write(request("cache-again", "What is the capital of France?", null)));
        LlmReply reply = kafka.awaitMessage(Topics.REPLIES, "cache-again", LlmReply.class, WAIT);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.answer()).isEqualTo("Paris");
        assertThat(reply.costUsd()).isZero();
        assertThat(reply.provider() + "/" + reply.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(reply.cacheHit().requestId()).isEqualTo("cache-original");
        assertThat(reply.cacheHit().ageSeconds()).isBetween(600L, 700L);
        assertThat(reply.decision().rule()).contains("cache hit: the same request, 10 min old (cache-original)");

        UsageEvent usage = Json.read(kafka
                .await(Topics.USAGE, record -> record.value().contains("\"request_id\":\"cache-again\""), WAIT).value(),
                UsageEvent.class);
        assertThat(usage.cacheHitOf()).isEqualTo("cache-original");
        assertThat(usage.costUsd()).isZero();
        assertThat(usage.usage()).isEqualTo(new TokenUsage(20, 2));
        for (String tier : List.of(Topics.TIER_LOCAL_FAST, Topics.TIER_LOCAL_QUALITY, Topics.TIER_CLOUD)) {
            assertThatThrownBy(() -> kafka.awaitKey(tier, "cache-again", Duration.ofSeconds(1)))
                    .as("no provider call: nothing on " + tier).isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aMissIsRoutedWithThePlanAndTheHintBypassesAHit() {
        kafka.send(Topics.REQUESTS, "cache-miss",
                Json.write(request("cache-miss", "Name three rivers in Spain.", null)));
        RoutedRequest routed = kafka.awaitMessage(Topics.TIER_LOCAL_FAST, "cache-miss", RoutedRequest.class, WAIT);
        assertThat(routed.decision().caching().key()).isEqualTo(CacheKey.of(routed.request()).exact());
        assertThat(routed.decision().caching().ttlSeconds()).isEqualTo(3600);

        CacheEntry entry = written(request("cache-hinted-original", "Name three rivers in France.", null));
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> cache.index().exact("acme", entry.key(), Instant.now()).isPresent());
        RequestHints bypass = new RequestHints(null, null, false, null, null, null, Map.of(), false);
        kafka.send(Topics.REQUESTS, "cache-bypass",
                Json.write(request("cache-bypass", "Name three rivers in France.", bypass)));
        RoutedRequest bypassed = kafka.awaitMessage(Topics.TIER_LOCAL_FAST, "cache-bypass", RoutedRequest.class, WAIT);
        assertThat(bypassed.decision().caching()).isNull();
    }

    @Test
    void aFreshReplicaReadsTheSameEntriesFromTheTopic() throws IOException {
        CacheEntry entry = written(request("cache-restart", "How tall is the Eiffel Tower?", null));
        ResponseCache fresh = new ResponseCache(new PolicyInForce(Optional.of(Cached.policyFile().toString())),
                new SensitiveContentDetector(ShippedConfig.privacy()), new ResponseCache.Embedders(),
                new CacheMetrics(new SimpleMeterRegistry()));
        CacheFollower follower = new CacheFollower(fresh, new SimpleMeterRegistry());
        // What a new replica's consumer does: the whole topic from its beginning, up to the entry just written.
        ConsumerRecord<String, String> last = kafka.await(Topics.CACHE, record -> {
            follower.apply(record.key(), record.value(), "offset " + record.offset());
            return record.key().equals(entry.recordKey());
        }, WAIT);
        assertThat(last.value()).contains("cache-restart");
        assertThat(fresh.consult(request("after-restart", "How tall is the Eiffel Tower?", null),
                ResponseCacheTest.decision())).isInstanceOf(ResponseCache.Hit.class);

        kafka.send(Topics.CACHE, "acme/forged", Json.write(entry));
        kafka.await(Topics.CACHE, record -> {
            follower.apply(record.key(), record.value(), "offset " + record.offset());
            return record.key().equals("acme/forged");
        }, WAIT);
        assertThat(fresh.index().exact("acme", "forged", Instant.now()))
                .as("an entry under a record key not its own is refused").isEmpty();
    }
}
