package io.hybridllm.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Topics;

/**
 * Makes a topic whose name a request or a tenant decides (a job's reply_to, a tenant's alerts) before the first record
 * is written to it, with the layout its {@link Topics.TopicSpec} gives. A deployment's broker does not create topics on
 * first use (a typo must not make one), and the principal that may create such a topic is the writer's, not the
 * reader's. The names known to exist are remembered, at most {@value #REMEMBERED} (one forgotten is only asked for
 * again). A topic that cannot be made is logged, not thrown, and asked for again by the next write: the write itself
 * fails or succeeds on its own, as without this class (e.g. on a broker that creates topics on first use, or where the
 * operator made the topic).
 */
public final class TopicMaker implements AutoCloseable {

    static final int REMEMBERED = 10_000;
    private static final Logger LOG = Logger.getLogger(TopicMaker.class);
    private static final int TIMEOUT_MS = 30_000;

    private final Map<String, Object> kafka;
    private final Set<String> known = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });
    private Admin admin;

    /** {@code kafka}: the client settings of the writer (its principal must be allowed to create the topics). */
    public TopicMaker(Map<String, Object> kafka) {
        this.kafka = Map.copyOf(kafka);
    }

    /** Completes (never exceptionally) once {@code name} exists or could not be made; at once for a known name. */
    public CompletionStage<Void> ensure(String name, Topics.TopicSpec layout) {
        Admin client;
        synchronized (this) {
            if (known.contains(name)) {
                return CompletableFuture.completedFuture(null);
            }
            client = admin();
        }
        NewTopic topic = new NewTopic(name, Optional.of(layout.partitions()), Optional.empty())
                .configs(layout.configs());
        return client.createTopics(List.of(topic), new CreateTopicsOptions().timeoutMs(TIMEOUT_MS)).all()
                .toCompletionStage().handle((created, failure) -> {
                    if (failure == null || unwrapped(failure) instanceof TopicExistsException) {
                        remember(name);
                    } else {
                        LOG.warnf("could not create topic %s (%s); writing to it anyway", name, unwrapped(failure));
                    }
                    return null;
                });
    }

    private synchronized void remember(String name) {
        known.add(name);
    }

    private static Throwable unwrapped(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }
}
