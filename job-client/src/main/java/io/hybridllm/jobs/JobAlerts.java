package io.hybridllm.jobs;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * The alerts that concern one tenant: its own budgets' (warn, pause, resume) from {@code llm.alerts.tenant.<tenant>},
 * and the global budget's and provider outages from {@value Topics#EVERYONE_ALERTS}, both of which the tenant's own
 * principal may read (see {@link io.hybridllm.contracts.KafkaAccess#tenantGrants}). Reads from {@code lookback} ago, so
 * a job started while its tenant is paused knows it, and keeps whether the tenant is paused now: paused while the last
 * budget alert of any of its budgets (tenant or global, per period) is a pause. The tenant's topic is made by the cost
 * service with the tenant's first alert: until then it is looked for every few seconds.
 * <p>
 * Reads outside any consumer group (it takes no record from anyone), and never creates a topic.
 */
public final class JobAlerts implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(JobAlerts.class.getName());
    private static final String ALL_TENANTS = "*";
    /** A tenant has a handful of budgets (its own and the global one, per period): more keys are not kept. */
    private static final int MAX_BUDGETS = 64;
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(5);

    private final KafkaConsumer<String, String> consumer;
    private final String tenant;
    private final Instant from;
    private final Consumer<Alert> listener;
    private final Map<String, Alert.Level> lastLevelPerBudget = new HashMap<>();
    private final Set<String> missing = new HashSet<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;
    private long lookedAt;

    private JobAlerts(Map<String, Object> kafka, String tenant, Instant from, Consumer<Alert> listener) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put("enable.auto.commit", "false");
        props.put("allow.auto.create.topics", "false");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        this.tenant = tenant;
        this.from = from;
        this.listener = listener;
        missing.addAll(List.of(Topics.tenantAlerts(tenant), Topics.EVERYONE_ALERTS));
        try {
            assignFound();
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
        this.thread = Thread.ofPlatform().name("job-client-alerts").daemon().start(this::run);
    }

    /** Adds the topics that exist by now to what is read, each from {@code from}. */
    private void assignFound() {
        lookedAt = System.nanoTime();
        List<TopicPartition> found = new ArrayList<>();
        for (String topic : List.copyOf(missing)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic);
            if (partitions != null && !partitions.isEmpty()) {
                partitions.forEach(info -> found.add(new TopicPartition(topic, info.partition())));
                missing.remove(topic);
            }
        }
        if (found.isEmpty()) {
            return;
        }
        assigned.addAll(found);
        consumer.assign(assigned);
        Map<TopicPartition, Long> at = new HashMap<>();
        found.forEach(partition -> at.put(partition, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(at);
        consumer.seekToEnd(found);
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                consumer.seek(partition, offset.offset());
            }
        });
    }

    /**
     * Watches {@code tenant}'s alerts, from {@code lookback} ago, calling {@code listener} (on the watcher's thread)
     * for each; {@code kafka} may be the job's own settings.
     */
    public static JobAlerts open(Map<String, Object> kafka, String tenant, Duration lookback,
            Consumer<Alert> listener) {
        return new JobAlerts(kafka, tenant, Clock.systemUTC().instant().minus(lookback), listener);
    }

    private void run() {
        try {
            while (running) {
                if (!missing.isEmpty() && System.nanoTime() - lookedAt > LOOK_AGAIN.toNanos()) {
                    assignFound();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(200);
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
            }
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } catch (WakeupException closing) {
            // close() woke the poll.
        } catch (KafkaException e) {
            failure = "cannot read the alerts of " + tenant + ": " + e;
            LOG.log(Level.ERROR, failure);
        } finally {
            consumer.close();
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        Alert alert;
        try {
            alert = Json.read(record.value(), Alert.class);
        } catch (InvalidMessageException e) {
            LOG.log(Level.WARNING, "skipped a record on {0} that is no alert: {1}", record.topic(), e.getMessage());
            return;
        }
        String addressee = record.topic().equals(Topics.EVERYONE_ALERTS) ? ALL_TENANTS : tenant;
        if (!addressee.equals(alert.tenant())) {
            LOG.log(Level.WARNING, "skipped an alert for {0} on {1}", alert.tenant(), record.topic());
            return;
        }
        if (alert instanceof Alert.Budget budget && budget.level() != Alert.Level.WARN) {
            remember(budget.tenant() + "/" + budget.period(), budget.level());
        }
        listener.accept(alert);
    }

    private synchronized void remember(String budget, Alert.Level level) {
        if (lastLevelPerBudget.size() < MAX_BUDGETS || lastLevelPerBudget.containsKey(budget)) {
            lastLevelPerBudget.put(budget, level);
        }
        notifyAll();
    }

    /** Whether a budget of the tenant (or the global one) has paused it and not resumed it since. */
    public synchronized boolean paused() {
        return lastLevelPerBudget.containsValue(Alert.Level.PAUSE);
    }

    /** Waits until the tenant is not paused, at most {@code patience}; whether it is not paused. */
    public synchronized boolean awaitResumed(Duration patience) throws InterruptedException {
        long until = System.nanoTime() + patience.toNanos();
        while (paused()) {
            long left = until - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** Why alerts can no longer be read, if so (e.g. the principal may not read the topic). */
    public String failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
