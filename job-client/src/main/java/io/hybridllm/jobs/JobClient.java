package io.hybridllm.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;

/**
 * A job's connection to the system over Kafka: submits requests with the job's reply topic and gives each one's first
 * reply as a {@link CompletableFuture} (or to a callback). At most {@code maxInFlight} requests await replies; each is
 * given up at its deadline. Thread-safe. See the module's README for the guarantees.
 */
public final class JobClient implements AutoCloseable {

    private static final Duration SLOT_WAIT = Duration.ofMillis(200);

    private final JobClientConfig config;
    private final Clock clock;
    private final InFlight inFlight;
    private final Submitter submitter;
    private final ReplyReader replies;
    private volatile JobAlerts alerts;
    private volatile JobClientException broken;

    JobClient(JobClientConfig config, Producer<String, String> producer, Consumer<String, String> consumer,
            Clock clock) {
        this.config = config;
        this.clock = clock;
        this.inFlight = new InFlight(config.maxInFlight(), clock);
        this.submitter = new Submitter(producer, config.requestTopic(), inFlight, config.resendAfter(), clock);
        this.replies = new ReplyReader(consumer, config.replyTopic(), inFlight::deliver, this::breakDown);
    }

    /** Connects and starts reading replies. */
    public static JobClient open(JobClientConfig config) {
        return open(config, Map.of());
    }

    /**
     * Connects, first taking over requests an earlier run of the job submitted and saw no reply for (id to deadline):
     * their replies are delivered to {@link #reply} futures like any other, even if they came while no client ran.
     */
    public static JobClient open(JobClientConfig config, Map<String, Instant> submittedEarlier) {
        ReplyTopicCreator.tryCreate(config);
        JobClient client = new JobClient(config, producer(config), consumer(config), Clock.systemUTC());
        submittedEarlier.forEach(client.inFlight::adopt);
        client.replies.start();
        return client;
    }

    /** Holds submissions while the tenant is paused by a budget (see {@link JobAlerts}). */
    public JobClient pauseWith(JobAlerts tenantAlerts) {
        this.alerts = tenantAlerts;
        return this;
    }

    /**
     * Submits a request of the job (its tenant must be the job's, or be the job's by default) and returns its first
     * reply, succeeded or failed. When {@code maxInFlight} requests are in flight or the tenant is paused it waits
     * (BLOCK) or throws (FAIL). The future fails with a {@link JobClientException} if no reply comes by the request's
     * {@code hints.deadline} (else the configured timeout) or the broker refuses it.
     */
    public CompletableFuture<LlmReply> submit(LlmRequest request) {
        LlmRequest ours = Stamp.asJob(request, config);
        Instant giveUpAt = ours.hints().deadline() != null ? ours.hints().deadline()
                : clock.instant().plus(config.timeout());
        waitWhilePaused(ours.id(), giveUpAt);
        takeSlot(ours.id());
        CompletableFuture<LlmReply> reply = inFlight.register(ours.id(), giveUpAt);
        try {
            submitter.send(ours, giveUpAt);
        } catch (RuntimeException e) {
            // The producer refused at once (closed, interrupted): the request was never sent; its slot is freed.
            inFlight.fail(ours.id(), new JobClientException.SubmissionRefused(
                    "request " + ours.id() + " could not be handed to the producer: " + e, e));
        }
        return reply;
    }

    /** {@link #submit}, with the outcome given to {@code callback} (on the client's reply thread: keep it short). */
    public void submit(LlmRequest request, BiConsumer<LlmReply, Throwable> callback) {
        submit(request).whenComplete(callback);
    }

    /** Submits every request in turn (waiting for slots), each outcome to {@code callback}; done when all ended. */
    public CompletableFuture<Void> submitAll(Iterable<LlmRequest> requests, BiConsumer<LlmReply, Throwable> callback) {
        return new Stream(this).submitAll(requests, callback);
    }

    /**
     * Tells the system how good the answer to {@code requestId} (a request of the job's tenant) was: {@code score} in
     * [0, 1] (below {@value Feedback#GOOD_ENOUGH}: not good enough), with an optional {@code comment} of at most
     * {@value Feedback#MAX_COMMENT_CHARS} characters, on the tenant's {@code feedback.<tenant>} topic, from which the
     * router learns. Completes when the broker acknowledged it; an out-of-range score or too long a comment is refused
     * at once ({@link io.hybridllm.contracts.json.InvalidMessageException}). Feedback on a request that is not the
     * tenant's, or has no answer, is dead-lettered by the system.
     */
    public CompletableFuture<Void> feedback(String requestId, double score, String comment) {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("feedback: requestId is required");
        }
        Feedback feedback = new Feedback(SchemaVersion.CURRENT, requestId, score, comment);
        return submitter.sendFeedback(Topics.tenantFeedback(config.tenant()), feedback);
    }

    /** The reply future of a request taken over with {@link #open(JobClientConfig, Map)}, if still awaited. */
    public CompletableFuture<LlmReply> reply(String requestId) {
        return inFlight.future(requestId);
    }

    private void waitWhilePaused(String id, Instant giveUpAt) {
        JobAlerts watch = alerts;
        if (watch == null || !watch.paused()) {
            return;
        }
        if (config.whenFull() == JobClientConfig.WhenFull.FAIL) {
            throw new JobClientException.TenantPaused("tenant " + config.tenant() + " is paused by its budget");
        }
        try {
            if (!watch.awaitResumed(Duration.between(clock.instant(), giveUpAt))) {
                throw new JobClientException.DeadlineExceeded("request " + id + " not submitted: tenant "
                        + config.tenant() + " stayed paused past " + giveUpAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobClientException("interrupted while the tenant was paused", e);
        }
    }

    private void takeSlot(String id) {
        try {
            boolean fail = config.whenFull() == JobClientConfig.WhenFull.FAIL;
            while (!inFlight.takeSlot(fail ? Duration.ZERO : SLOT_WAIT)) {
                if (fail) {
                    throw new JobClientException.InFlightLimitReached("request " + id + " not submitted: "
                            + config.maxInFlight() + " requests already await replies (maxInFlight)");
                }
                checkUsable();
            }
            checkUsable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobClientException("interrupted while waiting for a free slot (maxInFlight)", e);
        }
    }

    private void checkUsable() {
        if (broken != null) {
            inFlight.returnSlot();
            throw broken;
        }
    }

    private void breakDown(RuntimeException why) {
        broken = why instanceof JobClientException e ? e : new JobClientException(why.getMessage(), why);
        inFlight.close(broken);
    }

    public int inFlight() {
        return inFlight.size();
    }

    /** The most requests that were ever in flight at once. */
    public int peakInFlight() {
        return inFlight.peak();
    }

    /** Replies for requests not in flight: a second reply to an answered request, or one given up on. */
    public long ignoredReplies() {
        return inFlight.ignoredReplies();
    }

    public long resentSubmissions() {
        return submitter.resent();
    }

    public JobClientConfig config() {
        return config;
    }

    /** Waits for sends under way, stops reading replies, and fails the requests still awaiting one. */
    @Override
    public void close() {
        submitter.flush();
        replies.close();
        submitter.close();
        inFlight.close(new JobClientException.Closed("the job client was closed before a reply came"));
    }

    private static Producer<String, String> producer(JobClientConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Consumer<String, String> consumer(JobClientConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafka());
        props.put("group.id", config.replyTopic());
        props.put("enable.auto.commit", "false");
        props.put("auto.offset.reset", "earliest");
        // Asking the broker to create a missing topic needs CREATE, which a tenant lacks: it would refuse the read.
        props.put("allow.auto.create.topics", "false");
        // The reply topic may appear only with the first reply (workers create it): look again every few seconds.
        props.putIfAbsent("metadata.max.age.ms", "5000");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
