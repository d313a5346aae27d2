package io.hybridllm.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Topics;
import io.hybridllm.cost.Calls;
import io.hybridllm.cost.usage.UsageRepository;
import io.hybridllm.testkit.Infrastructure;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Measures, without asserting any timing, how much is spent after a budget's pause threshold is crossed and before the
 * pause is on {@code llm.control}, for usage arriving at a steady rate: the cost service's share of a budget's
 * overshoot (docs/costs.md adds the router's and the workers' shares). The figures go to the log.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class BudgetOvershootTest {

    private static final Logger LOG = Logger.getLogger(BudgetOvershootTest.class);
    private static final KafkaProbe kafka = KafkaProbe.shared();
    private static final int EVENTS_PER_SECOND = 100;
    /** A cent each, on a $1 budget: the 95th crosses the pause threshold. */
    private static final int CROSSING = 95;
    private static final int EVENTS = 200;

    @Inject
    UsageRepository usage;

    @Test
    void spendAfterThePauseCrossingUntilTheSwitchIsPublished() throws Exception {
        String tenant = Calls.uniqueTenant("overshoot");
        String scope = "tenant:" + tenant;
        Budgets.put(scope, "monthly", "{\"amount_usd\": 1.00}");
        // Steady state, not startup: the consumer has its partitions once a first (free) call is recorded.
        Calls warmUp = Calls.of(tenant, "ollama", "llama3.2:1b").sendTo(kafka);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> usage.findById(warmUp.eventId())) != null);
        CompletableFuture<Long> switchSeen = CompletableFuture.supplyAsync(() -> awaitPause(scope));

        List<Long> sentAt = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
            long due = start + TimeUnit.SECONDS.toNanos(i) / EVENTS_PER_SECOND;
            LockSupport.parkNanos(due - System.nanoTime());
            Calls.of(tenant, "openai", "gpt-4o").tokens(4_000, 0).sendTo(kafka); // $0.01
            sentAt.add(System.nanoTime());
        }
        long seen = switchSeen.get(60, TimeUnit.SECONDS);

        long after = sentAt.stream().skip(CROSSING).filter(t -> t < seen).count();
        long latencyMs = TimeUnit.NANOSECONDS.toMillis(seen - sentAt.get(CROSSING - 1));
        LOG.infof(
                "Budget overshoot at %d events/s of $0.01: %d events ($%.2f) sent after the crossing one before the"
                        + " pause was on llm.control, %d ms after it was sent",
                EVENTS_PER_SECOND, after, after / 100.0, latencyMs);
        assertThat(seen).isGreaterThan(sentAt.get(CROSSING - 2)); // the pause is never early
        await().atMost(Duration.ofSeconds(30)).until(() -> Budgets.alerts(tenant).size() == 2);
    }

    /**
     * Steady state, not startup: the same path (priced calls against a tenant budget, on the same partition) run until
     * the JIT has compiled it and the consumer holds its partitions.
     */
    private void warmUp() {
        String tenant = Calls.uniqueTenant("warm-up");
        Budgets.put("tenant:" + tenant, "monthly", "{\"amount_usd\": 1000}");
        Calls last = null;
        for (int i = 0; i < 300; i++) {
            last = Calls.of(tenant, "openai", "gpt-4o").tokens(4_000, 0).sendTo(kafka);
        }
        String id = last.eventId();
        await().atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> usage.findById(id)) != null);
    }

    /** When (System.nanoTime) the scope's switch to ollama-only is first readable on llm.control. */
    private static long awaitPause(String scope) {
        Properties props = new Properties();
        props.put("bootstrap.servers", Infrastructure.kafka().bootstrapServers());
        TopicPartition control = new TopicPartition(Topics.CONTROL_MODES, 0);
        try (var consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(control));
            consumer.seekToEnd(List.of(control));
            consumer.position(control);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    if (scope.equals(record.key()) && record.value().contains("\"ollama-only\"")) {
                        return System.nanoTime();
                    }
                }
            }
        }
        throw new AssertionError("no pause for " + scope + " on " + Topics.CONTROL_MODES);
    }
}
