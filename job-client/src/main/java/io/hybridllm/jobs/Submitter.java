package io.hybridllm.jobs;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;

import io.hybridllm.contracts.Feedback;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.json.Json;

/**
 * Sends requests, keyed by their id. The producer is idempotent with {@code acks=all}, so a send it retries itself is
 * written once. A send it gave up on (the broker unreachable for the whole delivery timeout) is a lost submission: it
 * is sent again, with the same id, after {@code resendAfter}, until the request's deadline; the system goes by id, so a
 * submission that did arrive after all makes no second request. A send refused for good fails the request.
 */
final class Submitter implements AutoCloseable {

    private final Producer<String, String> producer;
    private final String topic;
    private final InFlight inFlight;
    private final Duration resendAfter;
    private final Clock clock;
    private final AtomicLong resent = new AtomicLong();
    private final ScheduledThreadPoolExecutor resends = new ScheduledThreadPoolExecutor(1,
            task -> Thread.ofPlatform().name("job-client-resends").daemon().unstarted(task));

    Submitter(Producer<String, String> producer, String topic, InFlight inFlight, Duration resendAfter, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.inFlight = inFlight;
        this.resendAfter = resendAfter;
        this.clock = clock;
    }

    void send(LlmRequest request, Instant giveUpAt) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, request.id(), Json.write(request));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, failure) -> {
            if (failure == null || !inFlight.isAwaiting(request.id())) {
                return;
            }
            if (!(failure instanceof RetriableException)) {
                inFlight.fail(request.id(),
                        new JobClientException.SubmissionRefused(
                                "request " + request.id() + " was refused by the broker on " + topic + ": " + failure,
                                failure));
            } else if (clock.instant().plus(resendAfter).isBefore(giveUpAt)) {
                resent.incrementAndGet();
                resends.schedule(() -> resendIfAwaited(request, giveUpAt), resendAfter.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            // Otherwise the deadline ends the request before a resend could help.
        });
    }

    private void resendIfAwaited(LlmRequest request, Instant giveUpAt) {
        if (inFlight.isAwaiting(request.id())) {
            send(request, giveUpAt);
        }
    }

    /**
     * Sends a client's feedback to {@code topic}, keyed by the request it judges. The future completes when the broker
     * acknowledged it, or fails with {@link JobClientException.SubmissionRefused}; sending it again is harmless, as the
     * newest feedback on a request is the one that counts.
     */
    CompletableFuture<Void> sendFeedback(String topic, Feedback feedback) {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, feedback.requestId(), Json.write(feedback));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(
                            new JobClientException.SubmissionRefused("feedback on request " + feedback.requestId()
                                    + " was not accepted by the broker on " + topic + ": " + failure, failure));
                }
            });
        } catch (RuntimeException e) {
            acknowledged.completeExceptionally(new JobClientException.SubmissionRefused(
                    "feedback on request " + feedback.requestId() + " could not be handed to the producer: " + e, e));
        }
        return acknowledged;
    }

    /** How many submissions were sent again after the producer gave up on them. */
    long resent() {
        return resent.get();
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        resends.shutdownNow();
        producer.close(Duration.ofSeconds(30));
    }
}
