package io.hybridllm.contracts;

/**
 * Reactive Messaging channel names. Each service binds a channel to its topic from {@link Topics} in its
 * {@code application.properties}; the tests of each service use the {@link Topics} constants, so a wrong binding fails
 * them.
 */
public final class Channels {

    /** Incoming {@value Topics#REQUESTS}: the router scores them, ingest tracks those produced by jobs. */
    public static final String REQUESTS = "requests";
    /** Outgoing {@value Topics#REQUESTS} from ingest's HTTP front door. */
    public static final String SUBMISSIONS = "submissions";
    /** Outgoing from the router; each record names its tier topic. */
    public static final String ROUTED = "routed";
    public static final String TIER_LOCAL_FAST = "tier-local-fast";
    public static final String TIER_LOCAL_QUALITY = "tier-local-quality";
    public static final String TIER_CLOUD = "tier-cloud";
    /** Incoming, at ingest: every tier topic, read-only in a group of its own, to show routed and escalated. */
    public static final String TIERS = "tiers";
    /** Outgoing from workers: a request handed on to the next tier's topic (each record names it). */
    public static final String ESCALATIONS = "escalations";
    /** {@value Topics#REPLIES}: outgoing from workers (also to a request's own reply_to topic), incoming at ingest. */
    public static final String REPLIES = "replies";
    /** {@value Topics#USAGE}: outgoing from workers, incoming at the cost service. */
    public static final String USAGE = "usage";
    /** Incoming control topics ({@link Topics#CONTROL_TOPICS}): the ones a service follows. */
    public static final String CONTROL = "control";
    /** Outgoing to the service's own control topic: policy changes (router), mode switches (cost), health (workers). */
    public static final String CONTROL_UPDATES = "control-updates";
    public static final String ALERTS = "alerts";
    /** {@value Topics#CANCELLATIONS}: outgoing from ingest, incoming at the workers. */
    public static final String CANCELLATIONS = "cancellations";
    /** {@value Topics#PROGRESS}: outgoing from workers (a call began), incoming at ingest (shown as running). */
    public static final String PROGRESS = "progress";
    /** {@value Topics#STREAM}: outgoing from workers (chunks of streamed answers), incoming at ingest. */
    public static final String STREAM = "stream";
    /** {@value Topics#TENANT_KEYS}: outgoing from ingest (keys made and revoked), incoming at the cost service. */
    public static final String TENANT_KEYS = "tenant-keys";
    /** Outgoing {@value Topics#AUDIT}: who changed a policy or a budget. */
    public static final String AUDIT = "audit";
    /** The response cache's entries, as the router reads them. */
    public static final String CACHE = "cache";
    /** {@value Topics#OUTCOMES}: outgoing from ingest (clients' feedback), incoming at the router. */
    public static final String OUTCOMES = "outcomes";
    /** Every tenant's {@code feedback.<tenant>} topic ({@link Topics#tenantFeedback}), incoming at ingest. */
    public static final String FEEDBACK = "feedback";

    private Channels() {
    }
}
