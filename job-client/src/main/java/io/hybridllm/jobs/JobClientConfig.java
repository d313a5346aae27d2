package io.hybridllm.jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.Topics;

/**
 * How a {@link JobClient} connects and behaves. Built with {@link #builder}; every setting is checked when built, and a
 * Kafka property the client sets itself (because its guarantees rest on it) is refused rather than silently replaced.
 *
 * @param kafka
 *            the connection: {@code bootstrap.servers} and, on a secured broker, the tenant principal's
 *            {@code security.protocol}, {@code sasl.*} settings
 * @param tenant
 *            whose requests these are; also the tenant of every request submitted
 * @param jobId
 *            the job's id: each request's {@code job_id}, and the default reply topic's name
 * @param requestTopic
 *            {@code requests.<tenant>} (a tenant's own principal) or {@code llm.requests} (ingest's principal or an
 *            unsecured broker)
 * @param replyPrefix
 *            {@code hybrid.reply-topics.prefix} of the system ({@code replies.} unless changed)
 * @param replyTopic
 *            where replies come ({@code <replyPrefix><tenant>.<name>}); also the consumer group reading it
 * @param maxInFlight
 *            how many requests may await a reply at once
 * @param whenFull
 *            what {@code submit} does when {@code maxInFlight} requests are in flight, or the tenant is paused
 * @param timeout
 *            when a request without {@code hints.deadline} is given up, counted from its submission
 * @param resendAfter
 *            the pause before a submission the broker never acknowledged is sent again (same id)
 */
public record JobClientConfig(Map<String, Object> kafka, String tenant, String jobId, String requestTopic,
        String replyPrefix, String replyTopic, int maxInFlight, WhenFull whenFull, Duration timeout,
        Duration resendAfter) {

    /** {@code submit} when no slot is free: wait for one (back-pressure on the caller) or throw at once. */
    public enum WhenFull {
        BLOCK, FAIL
    }

    public static final int MAX_IN_FLIGHT_LIMIT = 100_000;

    /** Properties the client sets because its promises depend on them (acknowledged, not duplicated, committed). */
    static final Set<String> OWNED_KAFKA_KEYS = Set.of("acks", "enable.idempotence", "key.serializer",
            "value.serializer", "key.deserializer", "value.deserializer", "group.id", "enable.auto.commit",
            "auto.offset.reset", "isolation.level", "allow.auto.create.topics");

    public JobClientConfig {
        kafka = Map.copyOf(kafka);
        if (!kafka.containsKey("bootstrap.servers")) {
            throw new IllegalArgumentException("job client: kafka.bootstrap.servers is required");
        }
        for (String key : kafka.keySet()) {
            if (OWNED_KAFKA_KEYS.contains(key)) {
                throw new IllegalArgumentException("job client: kafka." + key
                        + " is refused: the client sets it itself (acks=all, idempotent producer, replies committed "
                        + "by the client after handling)");
            }
        }
        if (!requestTopic.equals(Topics.REQUESTS) && !requestTopic.equals(Topics.tenantRequests(tenant))) {
            throw new IllegalArgumentException("job client: requestTopic=" + requestTopic + " is refused: use "
                    + Topics.tenantRequests(tenant) + " (the tenant's own) or " + Topics.REQUESTS);
        }
        new ReplyTopics(replyPrefix).refusal(tenant, replyTopic).ifPresent(why -> {
            throw new IllegalArgumentException("job client: replyTopic is refused: " + why);
        });
        if (replyTopic.equals(Topics.REPLIES)) {
            throw new IllegalArgumentException("job client: replyTopic=" + Topics.REPLIES
                    + " is refused: it holds every tenant's replies; use a topic of the job's own");
        }
        if (maxInFlight < 1 || maxInFlight > MAX_IN_FLIGHT_LIMIT) {
            throw new IllegalArgumentException(
                    "job client: maxInFlight=" + maxInFlight + " is refused: use 1 to " + MAX_IN_FLIGHT_LIMIT);
        }
        requirePositive("timeout", timeout);
        requirePositive("resendAfter", resendAfter);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("job client: " + name + "=" + value + " is refused: must be positive");
        }
    }

    /** A job of {@code tenant} on the broker at {@code bootstrapServers}, with the defaults below. */
    public static Builder builder(String bootstrapServers, String tenant, String jobId) {
        return new Builder(bootstrapServers, tenant, jobId);
    }

    /** Defaults: the tenant's own request topic, {@code replies.<tenant>.<jobId>}, 256 in flight, BLOCK, 10 min. */
    public static final class Builder {
        private final Map<String, Object> kafka = new HashMap<>();
        private final String tenant;
        private final String jobId;
        private String requestTopic;
        private String replyPrefix = ReplyTopics.DEFAULT_PREFIX;
        private String replyTopic;
        private int maxInFlight = 256;
        private WhenFull whenFull = WhenFull.BLOCK;
        private Duration timeout = Duration.ofMinutes(10);
        private Duration resendAfter = Duration.ofSeconds(1);

        private Builder(String bootstrapServers, String tenant, String jobId) {
            this.kafka.put("bootstrap.servers", bootstrapServers);
            this.tenant = tenant;
            this.jobId = jobId;
            this.requestTopic = Topics.tenantRequests(tenant);
        }

        /** Adds Kafka client properties, e.g. the tenant principal's SASL settings. */
        public Builder kafka(Map<String, ?> properties) {
            kafka.putAll(properties);
            return this;
        }

        /** Submits to {@code llm.requests} instead of {@code requests.<tenant>} (needs a principal that may). */
        public Builder toSharedRequestTopic() {
            requestTopic = Topics.REQUESTS;
            return this;
        }

        /** The reply topic {@code <prefix><tenant>.<name>}; by default {@code replies.<tenant>.<jobId>}. */
        public Builder replyTopic(String prefix, String name) {
            replyPrefix = prefix;
            replyTopic = prefix + tenant + "." + name;
            return this;
        }

        public Builder maxInFlight(int limit, WhenFull whenFullThen) {
            maxInFlight = limit;
            whenFull = whenFullThen;
            return this;
        }

        public Builder timeout(Duration withoutDeadline) {
            timeout = withoutDeadline;
            return this;
        }

        public Builder resendAfter(Duration pause) {
            resendAfter = pause;
            return this;
        }

        public JobClientConfig build() {
            String reply = replyTopic != null ? replyTopic : replyPrefix + tenant + "." + jobId;
            return new JobClientConfig(kafka, tenant, jobId, requestTopic, replyPrefix, reply, maxInFlight, whenFull,
                    timeout, resendAfter);
        }
    }
}
