package io.hybridllm.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who may do what on the broker: one principal per service and one per tenant, each allowed exactly the topics and
 * consumer groups its work needs, and nothing else (a broker with an authorizer denies what no grant allows). The one
 * definition that the embedded broker of {@code ./hybrid up} and the tests apply, and that the deployment manifests
 * (Strimzi {@code KafkaUser}s, Terraform) must match.
 * <p>
 * What it promises: a tenant's principal can write only its own request topic ({@code requests.<tenant>}, where the
 * router takes the tenant from the topic) and read only its own reply topics ({@code <reply prefix><tenant>.*}) with
 * consumer groups of the same prefix; only ingest writes {@link Topics#REQUESTS} (the tenant on it was proven by an API
 * key), only workers write usage, only the cost service alerts and switches modes ({@link Topics#CONTROL_MODES}), only
 * the router publishes policies ({@link Topics#CONTROL_POLICY}), only workers report health
 * ({@link Topics#CONTROL_HEALTH}); readers refuse a control event found on another kind's topic
 * ({@link ControlEvent#read}). What it cannot tell apart: the two worker pools share the health topic and the reply and
 * usage topics, so one worker pool could forge the other's reports there.
 */
public final class KafkaAccess {

    /**
     * What a grant allows. CREATE lets a writer create a reply topic a tenant named that does not exist yet; DESCRIBE
     * shows offsets and consumer-group positions, never a record.
     */
    public enum Operation {
        READ, WRITE, CREATE, DESCRIBE
    }

    public enum ResourceType {
        TOPIC, GROUP
    }

    /** One allowance: on the resource {@code name}, or on every resource starting with it when {@code prefixed}. */
    public record Grant(Operation operation, ResourceType type, String name, boolean prefixed) {
    }

    /** The services' principals, as the broker knows them ({@code User:<name>}). */
    public enum Service {
        INGEST("ingest"), ROUTER("router"), WORKER_LOCAL("worker-local"), WORKER_CLOUD("worker-cloud"),
        COST("cost-service");

        private final String principal;

        Service(String principal) {
            this.principal = principal;
        }

        public String principal() {
            return principal;
        }
    }

    /**
     * Whoever reads consumer lag: the autoscaler (KEDA) and the lag exporter for Prometheus. It sees offsets and group
     * positions of every topic and group, and can neither read nor write a record.
     */
    public static final String LAG_READER = "lag-reader";

    /** Every resource of a type, in a literal grant. */
    public static final String ALL = "*";

    private static final Pattern TENANT_IN_NAMES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private KafkaAccess() {
    }

    /** Every grant of a service's principal; {@code replyPrefix} is {@code hybrid.reply-topics.prefix}. */
    public static List<Grant> grants(Service service, String replyPrefix) {
        List<Grant> grants = new ArrayList<>();
        switch (service) {
            case INGEST -> {
                tenantRequestTopics(grants);
                read(grants, Topics.REQUESTS, Topics.REPLIES, Topics.TIER_LOCAL_FAST, Topics.TIER_LOCAL_QUALITY,
                        Topics.TIER_CLOUD, Topics.PROGRESS, Topics.STREAM);
                // Feedback: from every tenant's own topic, checked and published as outcomes.
                grants.add(new Grant(Operation.READ, ResourceType.TOPIC, Topics.TENANT_FEEDBACK_PREFIX, true));
                write(grants, Topics.REQUESTS, Topics.CANCELLATIONS, Topics.AUDIT, Topics.TENANT_KEYS, Topics.OUTCOMES,
                        Topics.dlqOf(Topics.REPLIES), Topics.dlqOf(Topics.OUTCOMES));
                groups(grants, "ingest-");
            }
            case ROUTER -> {
                tenantRequestTopics(grants);
                read(grants, Topics.REQUESTS, Topics.CONTROL_POLICY, Topics.CONTROL_MODES, Topics.CONTROL_HEALTH,
                        Topics.CACHE, Topics.OUTCOMES);
                // Usage: the zero-priced event of a request answered from the cache.
                write(grants, Topics.TIER_LOCAL_FAST, Topics.TIER_LOCAL_QUALITY, Topics.TIER_CLOUD, Topics.REPLIES,
                        Topics.USAGE, Topics.CONTROL_POLICY, Topics.AUDIT, Topics.dlqOf(Topics.REQUESTS),
                        Topics.dlqOf(Topics.OUTCOMES));
                replyTopics(grants, replyPrefix);
                groups(grants, "router");
            }
            case WORKER_LOCAL -> {
                read(grants, Topics.TIER_LOCAL_FAST, Topics.TIER_LOCAL_QUALITY, Topics.CANCELLATIONS,
                        Topics.CONTROL_POLICY, Topics.CONTROL_MODES);
                // Escalations: from local-fast to local-quality, and from either to the cloud.
                write(grants, Topics.REPLIES, Topics.PROGRESS, Topics.STREAM, Topics.USAGE, Topics.TIER_LOCAL_QUALITY,
                        Topics.TIER_CLOUD, Topics.CONTROL_HEALTH, Topics.CACHE, Topics.OUTCOMES,
                        Topics.dlqOf(Topics.TIER_LOCAL_FAST), Topics.dlqOf(Topics.TIER_LOCAL_QUALITY));
                replyTopics(grants, replyPrefix);
                groups(grants, "worker-local");
            }
            case WORKER_CLOUD -> {
                read(grants, Topics.TIER_CLOUD, Topics.CANCELLATIONS, Topics.CONTROL_POLICY, Topics.CONTROL_MODES);
                write(grants, Topics.REPLIES, Topics.PROGRESS, Topics.STREAM, Topics.USAGE, Topics.TIER_LOCAL_QUALITY,
                        Topics.CONTROL_HEALTH, Topics.CACHE, Topics.OUTCOMES, Topics.AUDIT,
                        Topics.dlqOf(Topics.TIER_CLOUD));
                replyTopics(grants, replyPrefix);
                groups(grants, "worker-cloud");
            }
            case COST -> {
                read(grants, Topics.USAGE, Topics.REPLIES, Topics.CONTROL_POLICY, Topics.CONTROL_HEALTH,
                        Topics.TENANT_KEYS);
                write(grants, Topics.ALERTS, Topics.EVERYONE_ALERTS, Topics.CONTROL_MODES, Topics.AUDIT,
                        Topics.dlqOf(Topics.USAGE));
                // Each tenant's alert topic, created with its first alert.
                grants.add(new Grant(Operation.WRITE, ResourceType.TOPIC, Topics.TENANT_ALERTS_PREFIX, true));
                grants.add(new Grant(Operation.CREATE, ResourceType.TOPIC, Topics.TENANT_ALERTS_PREFIX, true));
                groups(grants, "cost-service");
            }
        }
        return List.copyOf(grants);
    }

    /** The grants of {@link #LAG_READER}. */
    public static List<Grant> lagReaderGrants() {
        return List.of(new Grant(Operation.DESCRIBE, ResourceType.TOPIC, ALL, false),
                new Grant(Operation.DESCRIBE, ResourceType.GROUP, ALL, false));
    }

    /** A tenant's principal name on the broker. */
    public static String tenantPrincipal(String tenant) {
        return "tenant-" + checkTenant(tenant);
    }

    /**
     * A tenant writes requests to its own request topic ({@link Topics#tenantRequests}) and feedback on their answers
     * to its own feedback topic ({@link Topics#tenantFeedback}), and reads its own reply topics, in consumer groups
     * named with the reply prefix, its own alerts and those addressed to everyone; nothing else.
     */
    public static List<Grant> tenantGrants(String tenant, String replyPrefix) {
        String own = replyPrefix + checkTenant(tenant) + ".";
        return List.of(new Grant(Operation.WRITE, ResourceType.TOPIC, Topics.tenantRequests(tenant), false),
                new Grant(Operation.WRITE, ResourceType.TOPIC, Topics.tenantFeedback(tenant), false),
                new Grant(Operation.READ, ResourceType.TOPIC, own, true),
                new Grant(Operation.READ, ResourceType.GROUP, own, true),
                new Grant(Operation.READ, ResourceType.TOPIC, Topics.tenantAlerts(tenant), false),
                new Grant(Operation.READ, ResourceType.TOPIC, Topics.EVERYONE_ALERTS, false));
    }

    private static String checkTenant(String tenant) {
        if (tenant == null || !TENANT_IN_NAMES.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant '" + tenant + "' cannot have Kafka access: its id must be "
                    + "letters, digits and . _ - (it becomes part of topic and group names)");
        }
        return tenant;
    }

    /** The router routes and ingest tracks what tenants produce to their own request topics. */
    private static void tenantRequestTopics(List<Grant> grants) {
        grants.add(new Grant(Operation.READ, ResourceType.TOPIC, Topics.TENANT_REQUESTS_PREFIX, true));
    }

    private static void read(List<Grant> grants, String... topics) {
        for (String topic : topics) {
            grants.add(new Grant(Operation.READ, ResourceType.TOPIC, topic, false));
        }
    }

    private static void write(List<Grant> grants, String... topics) {
        for (String topic : topics) {
            grants.add(new Grant(Operation.WRITE, ResourceType.TOPIC, topic, false));
        }
    }

    /** Replies go to the topic a request names, within the tenants' reply prefix, created on first use. */
    private static void replyTopics(List<Grant> grants, String replyPrefix) {
        grants.add(new Grant(Operation.WRITE, ResourceType.TOPIC, replyPrefix, true));
        grants.add(new Grant(Operation.CREATE, ResourceType.TOPIC, replyPrefix, true));
    }

    private static void groups(List<Grant> grants, String prefix) {
        grants.add(new Grant(Operation.READ, ResourceType.GROUP, prefix, true));
    }
}
