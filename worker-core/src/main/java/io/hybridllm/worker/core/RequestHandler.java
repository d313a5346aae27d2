package io.hybridllm.worker.core;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.pool.BackendPool;
import io.hybridllm.worker.core.pool.BackendPool.Lease;

/**
 * Takes routed requests off a tier topic. The stage returned for a record completes as soon as the request has a slot
 * on a backend (or needs none), and the consumer asks for the next record only then: a full pool stops the worker
 * taking work from Kafka. The call itself runs on a virtual thread (see {@link TierAnswering}); the record is
 * acknowledged once its reply or escalation and its usage are in Kafka, so offsets commit correctly when requests
 * finish out of order. What cannot be read is dead-lettered with the reason.
 */
@ApplicationScoped
public class RequestHandler {

    private static final Logger LOG = Logger.getLogger(RequestHandler.class);

    private final BackendPool pool;
    private final TierAnswering answering;
    private final ReplyPublisher publisher;
    private final ReplyTopics replyTopics;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    /** Requests between taking their record and acknowledging it: what a shutdown drains. */
    private final Phaser inFlight = new Phaser(1);
    /** Requests the stop let go of unanswered (waiting for a slot or a rate limit): they are redelivered. */
    private final AtomicInteger letGo = new AtomicInteger();

    public RequestHandler(BackendPool pool, TierAnswering answering, ReplyPublisher publisher,
            ReplyTopics replyTopics) {
        this.pool = pool;
        this.answering = answering;
        this.publisher = publisher;
        this.replyTopics = replyTopics;
    }

    public CompletionStage<Void> handle(Message<String> record) {
        RoutedRequest routed;
        try {
            routed = Json.read(record.getPayload(), RoutedRequest.class);
        } catch (InvalidMessageException e) {
            LOG.warnf("unreadable routed request, dead-lettered: %s", e.getMessage());
            return settled(record.nack(e), "dead-letter an unreadable request");
        }
        Optional<String> refused = replyTopics.refusal(routed.request().tenant(), routed.request().replyTo());
        if (refused.isPresent()) {
            return refuseReplyTopic(record, routed, refused.get());
        }
        Job job = answering.start(routed);
        inFlight.register();
        return answering.firstSlot(job).handle((lease, failure) -> {
            if (failure != null) {
                // Shutting down before a slot came free: unacknowledged, the record is redelivered to another worker.
                LOG.infof("request %s left for redelivery: %s", routed.id(), failure.getMessage());
                inFlight.arriveAndDeregister();
            } else {
                calls.execute(TraceContext.within(record, () -> answer(job, lease, record)));
            }
            return null;
        });
    }

    private void answer(Job job, Optional<Lease> lease, Message<String> record) {
        try {
            Publication publication = answering.answer(job, lease);
            CompletionStage<Void> done = publisher.publish(publication, job.routed())
                    .handle((published, failure) -> failure == null ? record.ack()
                            : publication.escalation() != null ? refuseEscalation(publication, failure, record)
                                    : record.nack(failure))
                    .thenCompose(Function.identity());
            settled(done, "publish the outcome of request " + job.routed().id())
                    .whenComplete((ignored, failure) -> inFlight.arriveAndDeregister());
        } catch (InterruptedException e) {
            // Shutting down mid-call: unacknowledged, the record is redelivered rather than failed.
            LOG.infof("request %s interrupted by shutdown; it will be redelivered", job.routed().id());
            letGo.incrementAndGet();
            inFlight.arriveAndDeregister();
        } catch (RuntimeException e) {
            LOG.errorf(e, "request %s could not be handled; dead-lettered", job.routed().id());
            settled(record.nack(e), "dead-letter request " + job.routed().id())
                    .whenComplete((ignored, failure) -> inFlight.arriveAndDeregister());
        }
    }

    /**
     * An escalation the broker would not take ends the request with a failed reply that says why, and the record is
     * dead-lettered with the same reason; a replay of it is skipped, as the request has its answer.
     */
    private CompletionStage<Void> refuseEscalation(Publication publication, Throwable failure, Message<String> record) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        LOG.errorf("request %s could not be handed on to %s; it fails: %s", publication.escalation().id(),
                publication.escalation().decision().tier().topic(), cause.getMessage());
        return publisher.refuseEscalation(publication.escalation(), cause)
                .handle((replied, replyFailure) -> record.nack(replyFailure == null ? cause : replyFailure))
                .thenCompose(Function.identity());
    }

    /**
     * The last place before a tenant's reply is written: a reply_to topic the tenant may not write (one that slipped
     * past ingest, or a job's own record) is never written. The request ends with the reason on llm.replies, before any
     * model call, and is dead-lettered with it.
     */
    private CompletionStage<Void> refuseReplyTopic(Message<String> record, RoutedRequest routed, String reason) {
        LOG.warnf("request %s names a reply_to topic it may not write; dead-lettered: %s", routed.id(), reason);
        InvalidMessageException refusal = new InvalidMessageException("reply_to", reason);
        CompletionStage<Void> done = publisher.refuseReplyTopic(routed, reason)
                .handle((published, failure) -> record.nack(failure == null ? refusal : failure))
                .thenCompose(Function.identity());
        return settled(done, "refuse the reply_to of request " + routed.id());
    }

    /** Requests taken and not yet acknowledged. */
    public int inFlight() {
        return inFlight.getRegisteredParties() - 1;
    }

    /**
     * Stops taking slots and waits up to {@code grace} for the requests in flight to be answered and acknowledged, so
     * that their offsets are committed when the consumer leaves the group. Returns how many were left unfinished, still
     * in flight or let go of while waiting; they stay uncommitted and are redelivered.
     */
    public int drain(Duration grace) {
        pool.close();
        int phase = inFlight.arrive();
        try {
            inFlight.awaitAdvanceInterruptibly(phase, grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warnf("%d requests still in flight after the %s grace period; they will be redelivered", inFlight(),
                    grace);
        }
        return Math.max(0, inFlight()) + letGo.get();
    }

    @PreDestroy
    void stop() {
        calls.shutdownNow();
    }

    static CompletionStage<Void> settled(CompletionStage<Void> stage, String what) {
        return stage.exceptionally(failure -> {
            // The record stays uncommitted and is redelivered after a restart or rebalance.
            LOG.errorf(failure, "could not %s", what);
            return null;
        });
    }
}
