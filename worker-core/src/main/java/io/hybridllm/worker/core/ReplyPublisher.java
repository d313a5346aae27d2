package io.hybridllm.worker.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.runtime.TopicMaker;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes what a handled request produced: its reply to {@value Topics#REPLIES} (keyed by request id) and to its own
 * reply_to topic, with its response cache entry on {@value Topics#CACHE} when the decision asked for one (see
 * {@link CacheEntries}) and its outcome on {@value Topics#OUTCOMES} when it went through a local tier (see
 * {@link Outcomes}), or its escalation to the next tier's topic; and its usage events to {@value Topics#USAGE} (keyed
 * by tenant). The returned stage completes once Kafka has acknowledged every record, so the caller can commit the
 * request only then.
 */
@ApplicationScoped
public class ReplyPublisher {

    private final MutinyEmitter<String> replies;
    private final MutinyEmitter<String> escalations;
    private final MutinyEmitter<String> usage;
    private final TopicMaker topics;

    /**
     * Unbounded buffers: thousands of calls may finish at once, and an emitter's default buffer (128) would fail the
     * sends beyond it, dead-lettering answered requests. What waits here is bounded by the slots, one reply and a few
     * usage events per request in flight.
     */
    public ReplyPublisher(
            @Channel(Channels.REPLIES) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> replies,
            @Channel(Channels.ESCALATIONS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> escalations,
            @Channel(Channels.USAGE) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> usage,
            TopicMaker topics) {
        this.topics = topics;
        this.replies = replies;
        this.escalations = escalations;
        this.usage = usage;
    }

    public CompletionStage<Void> publish(Publication publication, RoutedRequest routed) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        if (publication.reply() != null) {
            String reply = Json.write(publication.reply());
            for (String topic : routed.request().replyTopics()) {
                sends.add(sendReply(reply, publication.reply().requestId(), topic));
            }
            CacheEntries.of(publication)
                    .ifPresent(entry -> sends.add(send(replies, Json.write(entry), entry.recordKey(), Topics.CACHE)));
            sends.addAll(outcome(routed, publication.reply()));
        } else {
            RoutedRequest escalation = publication.escalation();
            sends.add(send(escalations, Json.write(escalation), escalation.id(), escalation.decision().tier().topic()));
        }
        for (UsageEvent event : publication.usage()) {
            sends.add(send(usage, Json.write(event), event.tenant(), null));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    /**
     * Ends a request whose escalation the broker would not take (the next tier's topic refused it, or the send failed):
     * a failed reply on every reply topic of the request, so that its client learns why at once rather than wait for a
     * deadline. The usage of the attempts made here was published with the escalation.
     */
    public CompletionStage<Void> refuseEscalation(RoutedRequest escalation, Throwable cause) {
        String why = "could not be handed on to the " + escalation.decision().tier().wireName() + " tier ("
                + escalation.decision().tier().topic() + "): " + cause.getMessage();
        LlmReply failed = LlmReply.failed(escalation, null, new ErrorInfo(ErrorInfo.ErrorCode.INTERNAL, why), 0,
                escalation.request().attempts());
        String reply = Json.write(failed);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (String topic : escalation.request().replyTopics()) {
            sends.add(sendReply(reply, escalation.id(), topic));
        }
        sends.addAll(outcome(escalation, failed));
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    /**
     * Ends a request whose reply_to topic the tenant may not write ({@link io.hybridllm.contracts.ReplyTopics}): a
     * failed reply on {@value Topics#REPLIES} only, so the request ends with the reason and nothing lands on the topic.
     */
    public CompletionStage<Void> refuseReplyTopic(RoutedRequest routed, String reason) {
        LlmReply refused = LlmReply.failed(routed, null,
                new ErrorInfo(ErrorInfo.ErrorCode.INVALID_REQUEST, "reply_to: " + reason), 0,
                routed.request().attempts());
        return send(replies, Json.write(refused), routed.id(), Topics.REPLIES);
    }

    /** The request's {@link io.hybridllm.contracts.RequestOutcome}, if it has one, on {@value Topics#OUTCOMES}. */
    private List<CompletableFuture<Void>> outcome(RoutedRequest routed, LlmReply reply) {
        return Outcomes.of(routed, reply).stream()
                .map(outcome -> send(replies, Json.write(outcome), outcome.requestId(), Topics.OUTCOMES)).toList();
    }

    /** A job's own reply topic is made by its first reply where the broker does not make topics on first use. */
    private CompletableFuture<Void> sendReply(String payload, String key, String topic) {
        if (topic.equals(Topics.REPLIES)) {
            return send(replies, payload, key, topic);
        }
        // Traced here, on the request's thread: the send itself may run on the admin client's.
        Message<String> message = message(payload, key, topic);
        return topics.ensure(topic, Topics.REPLY_TOPIC_SPEC).toCompletableFuture()
                .thenCompose(made -> send(replies, message));
    }

    private static CompletableFuture<Void> send(MutinyEmitter<String> emitter, String payload, String key,
            String topic) {
        return send(emitter, message(payload, key, topic));
    }

    private static Message<String> message(String payload, String key, String topic) {
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata = OutgoingKafkaRecordMetadata
                .<String> builder().withKey(key);
        if (topic != null) {
            metadata.withTopic(topic);
        }
        return TraceContext.continued(Message.of(payload).addMetadata(metadata.build()));
    }

    /** The stage completes when the broker acknowledges the record (acks=all) and fails when it is nacked. */
    private static CompletableFuture<Void> send(MutinyEmitter<String> emitter, Message<String> message) {
        return emitter.sendMessage(message).subscribeAsCompletionStage();
    }
}
