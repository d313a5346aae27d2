package io.hybridllm.cost.outbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import io.hybridllm.contracts.Topics;
import io.smallrye.common.annotation.Identifier;

/**
 * Creates a tenant's alert topic before its first alert is sent, with the layout of {@link Topics#TENANT_ALERTS_SPEC}:
 * a deployment's broker does not create topics on first use (a typo must not make one). The topics known to exist are
 * remembered, at most {@value #MAX_REMEMBERED} (an older one forgotten is only asked for again).
 */
@ApplicationScoped
public class TenantAlertTopics {

    static final int MAX_REMEMBERED = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafka;
    private final Set<String> existing = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_REMEMBERED;
        }
    });
    private Admin admin;

    public TenantAlertTopics(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** Makes sure {@code topic} exists; throws when the broker would not create it (the outbox row waits). */
    public synchronized void ensure(String topic) {
        if (!topic.startsWith(Topics.TENANT_ALERTS_PREFIX) || existing.contains(topic)) {
            return;
        }
        var spec = Topics.TENANT_ALERTS_SPEC;
        NewTopic newTopic = new NewTopic(topic, Optional.of(spec.partitions()), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(spec.retention().toMillis())));
        try {
            admin().createTopics(List.of(newTopic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create alert topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted creating alert topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("alert topic " + topic + " not created within " + TIMEOUT, e);
        }
        existing.add(topic);
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
