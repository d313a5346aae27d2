package io.hybridllm.worker.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.policy.LivePolicy;
import io.hybridllm.worker.core.budget.BudgetPauses;
import io.hybridllm.worker.core.pool.BackendPool;
import io.quarkus.runtime.StartupEvent;

/**
 * Reads the compacted control topics of mode switches and policies ({@link #FOLLOWED}) from their start and follows
 * them: budget pauses ({@code mode_switch}) into {@link BudgetPauses}, saying when it has reached where the topic stood
 * at startup, and published policies ({@code policy_change}, or their withdrawal) into the {@link LivePolicy} the
 * worker's backends follow. A plain consumer, assigned every partition and committing nothing, rather than a messaging
 * channel: it must know the end offsets to tell when the pauses are known. Every worker runs it, since a policy change
 * may give any worker a paid provider.
 */
@ApplicationScoped
public class ControlFollower {

    private static final Logger LOG = Logger.getLogger(ControlFollower.class);
    private static final Duration RETRY = Duration.ofSeconds(2);
    /** Health reports are the router's business: a worker follows budgets and policies only. */
    static final List<String> FOLLOWED = List.of(Topics.CONTROL_MODES, Topics.CONTROL_POLICY);

    private final BudgetPauses pauses;
    private final LivePolicy policy;
    private final Map<String, Object> kafka = new HashMap<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    /** Only the follower's thread touches these two. */
    private boolean replaying;
    private ControlEvent.PolicyChange latestPolicy;

    public ControlFollower(BudgetPauses pauses, LivePolicy policy, Config config) {
        this.pauses = pauses;
        this.policy = policy;
        // The same client settings (address, security) as the messaging channels' defaults.
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("kafka.")) {
                config.getOptionalValue(name, String.class).ifPresent(v -> kafka.put(name.substring(6), v));
            }
        }
        kafka.putIfAbsent(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092"));
        kafka.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        kafka.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    /** Asks for the pool, so that the backends follow the policy from the first event read. */
    void start(@Observes StartupEvent started, BackendPool pool) {
        running = true;
        Thread.ofPlatform().daemon().name("control-follower").start(this::follow);
    }

    private void follow() {
        while (running) {
            try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(kafka, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = reader;
                read(reader);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warnf("reading budget state and policy changes from %s failed, again in %s: %s", FOLLOWED, RETRY,
                        e.getMessage());
                sleep();
            }
        }
    }

    private void read(KafkaConsumer<String, String> reader) {
        List<TopicPartition> partitions = List.of();
        while (running && partitions.isEmpty()) {
            partitions = partitionsOfEvery(reader);
            if (partitions.isEmpty()) {
                sleep();
            }
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = reader.endOffsets(partitions);
        // Each policy_change holds a whole policy: while the topic's history is replayed only the latest counts, and
        // it is put in force once, rather than every policy ever published one after the other.
        replaying = true;
        while (running) {
            reader.poll(Duration.ofMillis(500)).forEach(this::apply);
            if (replaying && end.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue())) {
                replaying = false;
                if (latestPolicy != null) {
                    policy.apply(latestPolicy);
                    latestPolicy = null;
                }
                if (!pauses.isCaughtUp()) {
                    pauses.caughtUp();
                    LOG.infof("budget state and policy read from %s up to where they stood at startup", FOLLOWED);
                }
            }
        }
    }

    /** Every partition of the followed topics, or none while one of them is not there yet. */
    private static List<TopicPartition> partitionsOfEvery(KafkaConsumer<String, String> reader) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : FOLLOWED) {
            List<PartitionInfo> infos = reader.partitionsFor(topic);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        }
        return partitions;
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            return;
        }
        try {
            ControlEvent event = ControlEvent.read(record.topic(), record.value());
            if (event instanceof ControlEvent.ModeSwitch change) {
                pauses.apply(change);
                if (change.paused()) {
                    LOG.infof("paid calls for %s are paused: %s", change.scope(), change.reason());
                }
            } else if (event instanceof ControlEvent.PolicyChange change) {
                if (replaying) {
                    latestPolicy = change;
                } else {
                    // Validated again here; a refused one leaves the policy in force, with the problems logged.
                    policy.apply(change);
                }
            }
        } catch (InvalidMessageException e) {
            // State, not work: an unreadable or misplaced event is skipped, loudly, and the state stands.
            LOG.warnf("control event skipped (%s, key %s): %s", record.topic(), record.key(), e.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, String> reader = consumer;
        if (reader != null) {
            reader.wakeup();
        }
    }
}
