package io.hybridllm.contracts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Kafka topics of the system: their names, partition counts and retention, in one place. */
public final class Topics {

    public static final String REQUESTS = "llm.requests";
    public static final String TIER_LOCAL_FAST = "llm.tier.local-fast";
    public static final String TIER_LOCAL_QUALITY = "llm.tier.local-quality";
    public static final String TIER_CLOUD = "llm.tier.cloud";
    public static final String REPLIES = "llm.replies";
    public static final String USAGE = "llm.usage";
    /**
     * The compacted control topics, keyed by scope, one per writer, so that the broker's ACLs (see {@link KafkaAccess})
     * decide who may change what: policies are published by the router only, budget mode switches by the cost service
     * only, health reports by the workers. Each {@link ControlEvent} names its own topic, and readers refuse an event
     * found on another.
     */
    public static final String CONTROL_POLICY = "llm.control.policy";
    public static final String CONTROL_MODES = "llm.control.modes";
    public static final String CONTROL_HEALTH = "llm.control.health";
    public static final List<String> CONTROL_TOPICS = List.of(CONTROL_POLICY, CONTROL_MODES, CONTROL_HEALTH);
    /** Every alert, for whoever operates or pays for the whole system: it carries every tenant's spend. */
    public static final String ALERTS = "llm.alerts";
    /**
     * A tenant's own alerts, {@code llm.alerts.tenant.<tenant>}: the copies of its budgets' alerts, which only its
     * principal may read (the broker cannot restrict a read of {@link #ALERTS} to some keys). The cost service creates
     * each one with its first alert ({@link #TENANT_ALERTS_SPEC}).
     */
    public static final String TENANT_ALERTS_PREFIX = "llm.alerts.tenant.";
    /**
     * The alerts that concern every tenant (provider outages and recoveries, the global budget's crossings, without its
     * figures), which every tenant's principal may read.
     */
    public static final String EVERYONE_ALERTS = "llm.alerts.everyone";
    /**
     * Requests their clients cancelled, keyed by request id and compacted: a worker reads the whole topic to know which
     * requests to skip.
     */
    public static final String CANCELLATIONS = "llm.cancellations";
    /**
     * Workers' news that a model call for a request began ({@link CallStarted}), keyed by request id: what shows a
     * request as {@code running}. Kept a day: it matters only while a request is in flight.
     */
    public static final String PROGRESS = "llm.progress";
    /**
     * Tenant API keys as the services other than ingest know them ({@link TenantKey}: the key's SHA-256 and its tenant,
     * never the key), keyed by the hash and compacted: the cost service reads the whole topic to scope reports to the
     * caller's tenant.
     */
    public static final String TENANT_KEYS = "llm.tenant-keys";
    /**
     * Pieces of streamed answers as a worker reads them from the provider ({@link StreamChunk}), keyed by request id so
     * that one request's chunks stay in order. Kept an hour: a chunk matters only while its client is connected, and
     * the final reply on {@link #REPLIES} is what stays.
     */
    public static final String STREAM = "llm.stream";
    /** Who changed a policy or a budget, when and what: kept a year. */
    public static final String AUDIT = "llm.audit";
    /**
     * The response cache ({@link CacheEntry}), keyed by tenant and cache key and compacted: written by the workers
     * after an answer a decision marked cacheable, read whole by every router replica into its bounded index.
     */
    public static final String CACHE = "llm.cache";
    /**
     * What became of requests ({@link RequestOutcome}), keyed by request id: a worker's news of an answer that went
     * through a local tier (its quality score, an escalation) and ingest's of a client's feedback. Read whole by every
     * router replica, which learns from it; kept four weeks, which bounds what is learned to recent outcomes.
     */
    public static final String OUTCOMES = "llm.outcomes";
    /**
     * Where a tenant's own jobs send feedback on their answers ({@link Feedback}): {@code feedback.<tenant>}, which
     * only that tenant's principal may write; ingest reads every one, checks that the request is the tenant's, and
     * publishes the feedback as an outcome.
     */
    public static final String TENANT_FEEDBACK_PREFIX = "feedback.";

    /**
     * Where a tenant's own jobs produce requests straight to Kafka: {@code requests.<tenant>}, which only that tenant's
     * principal may write (see {@link KafkaAccess}), so the router takes the tenant from the topic, not from the
     * record. {@link #REQUESTS} itself is written by ingest only, which proved the tenant by its API key.
     */
    public static final String TENANT_REQUESTS_PREFIX = "requests.";

    /** Suffix of the dead-letter topic that holds what could not be processed from a topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /**
     * Partitions bound the parallelism of a consumer group: a worker pool grows by adding consumers up to the count, so
     * tier topics get room for 24 workers each.
     */
    public static final int TIER_PARTITIONS = 24;

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration DAYS_7 = Duration.ofDays(7);
    private static final Duration WEEKS_4 = Duration.ofDays(28);
    private static final Duration YEAR = Duration.ofDays(365);

    /** How a topic is laid out on the broker; used by whatever creates topics (launcher, tests, deploy manifests). */
    public record TopicSpec(String name, int partitions, Duration retention, boolean compacted) {

        /** The topic configuration that gives this layout: compaction, or the retention. */
        public Map<String, String> configs() {
            return compacted ? Map.of("cleanup.policy", "compact")
                    : Map.of("retention.ms", String.valueOf(retention.toMillis()));
        }
    }

    public static final List<TopicSpec> ALL = List.of(new TopicSpec(REQUESTS, 12, DAYS_7, false),
            new TopicSpec(TIER_LOCAL_FAST, TIER_PARTITIONS, DAYS_7, false),
            new TopicSpec(TIER_LOCAL_QUALITY, TIER_PARTITIONS, DAYS_7, false),
            new TopicSpec(TIER_CLOUD, TIER_PARTITIONS, DAYS_7, false), new TopicSpec(REPLIES, 12, DAYS_7, false),
            new TopicSpec(USAGE, 12, WEEKS_4, false), new TopicSpec(CONTROL_POLICY, 1, Duration.ZERO, true),
            new TopicSpec(CONTROL_MODES, 1, Duration.ZERO, true), new TopicSpec(CONTROL_HEALTH, 1, Duration.ZERO, true),
            new TopicSpec(ALERTS, 3, WEEKS_4, false), new TopicSpec(EVERYONE_ALERTS, 1, WEEKS_4, false),
            new TopicSpec(AUDIT, 1, YEAR, false), new TopicSpec(CANCELLATIONS, 12, Duration.ZERO, true),
            new TopicSpec(PROGRESS, 12, DAY, false), new TopicSpec(STREAM, 12, HOUR, false),
            new TopicSpec(TENANT_KEYS, 1, Duration.ZERO, true), new TopicSpec(CACHE, 12, Duration.ZERO, true),
            new TopicSpec(OUTCOMES, 12, WEEKS_4, false), dlq(REQUESTS), dlq(TIER_LOCAL_FAST), dlq(TIER_LOCAL_QUALITY),
            dlq(TIER_CLOUD), dlq(REPLIES), dlq(USAGE), dlq(OUTCOMES));

    /** How a tenant's alert topic is made: a few alerts a month, so one partition. */
    public static final TopicSpec TENANT_ALERTS_SPEC = new TopicSpec(TENANT_ALERTS_PREFIX + "<tenant>", 1, WEEKS_4,
            false);

    /**
     * How a job's reply topic ({@link ReplyTopics}) is made, by the first service to write it or by the job client
     * where it may: as {@link #REPLIES}, kept a week, with room for a few readers.
     */
    public static final TopicSpec REPLY_TOPIC_SPEC = new TopicSpec("<reply prefix><tenant>.<name>", 3, DAYS_7, false);

    public static String tenantAlerts(String tenant) {
        return TENANT_ALERTS_PREFIX + tenant;
    }

    public static String tenantRequests(String tenant) {
        return TENANT_REQUESTS_PREFIX + tenant;
    }

    public static String tenantFeedback(String tenant) {
        return TENANT_FEEDBACK_PREFIX + tenant;
    }

    /**
     * Why a request claiming {@code tenant} cannot have come from {@code topic}: on a tenant's own request topic only
     * that tenant's requests are accepted. Empty when it may (any tenant on {@link #REQUESTS}, written by ingest only).
     */
    public static Optional<String> wrongTenant(String topic, String tenant) {
        if (topic == null || !topic.startsWith(TENANT_REQUESTS_PREFIX)) {
            return Optional.empty();
        }
        String owner = topic.substring(TENANT_REQUESTS_PREFIX.length());
        return owner.equals(tenant) ? Optional.empty()
                : Optional.of("is " + tenant + ", but the request was produced to " + topic + ", which carries tenant "
                        + owner + "'s requests only");
    }

    public static String dlqOf(String topic) {
        return topic + DLQ_SUFFIX;
    }

    private static TopicSpec dlq(String topic) {
        return new TopicSpec(dlqOf(topic), 1, WEEKS_4, false);
    }

    private Topics() {
    }
}
