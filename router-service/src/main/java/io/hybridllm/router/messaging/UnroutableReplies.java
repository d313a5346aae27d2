package io.hybridllm.router.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.runtime.TopicMaker;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Replies the router makes itself: from the response cache (see {@link #answer}), and for a request that no usable tier
 * can serve, a failed reply ({@code no_provider}, or {@code expired} after it was held until its deadline, and the
 * reason), on {@value Topics#REPLIES} and on its own reply_to topic, instead of queueing it where nobody answers.
 */
@ApplicationScoped
public class UnroutableReplies {

    private static final Logger LOG = Logger.getLogger(UnroutableReplies.class);

    private final MutinyEmitter<String> replies;
    private final ReplyTopics replyTopics;
    private final TopicMaker topics;

    public UnroutableReplies(@Channel(Channels.REPLIES) MutinyEmitter<String> replies,
            @ConfigProperty(name = ReplyTopics.PREFIX_KEY, defaultValue = ReplyTopics.DEFAULT_PREFIX) String prefix,
            TopicMaker topics) {
        this.replies = replies;
        this.topics = topics;
        this.replyTopics = new ReplyTopics(prefix);
    }

    /** Completes once Kafka has every copy of the reply; {@code wanted} is the decision before health ruled it out. */
    public CompletionStage<Void> fail(Message<?> incoming, LlmRequest request, RoutingDecision wanted,
            ErrorInfo error) {
        RoutedRequest routed = new RoutedRequest(request, wanted);
        return reply(incoming, request, LlmReply.failed(routed, null, error, 0, request.attempts()), List.of());
    }

    /**
     * Answers a request from the response cache: its reply, and the zero-priced usage event that lets the cost service
     * count what the hit saved ({@link UsageEvent#forCacheHit}). Completes once Kafka has them all.
     */
    public CompletionStage<Void> answer(Message<?> incoming, LlmRequest request, LlmReply reply, UsageEvent usage) {
        return reply(incoming, request, reply, List.of(usage));
    }

    private CompletionStage<Void> reply(Message<?> incoming, LlmRequest request, LlmReply answer,
            List<UsageEvent> usage) {
        String reply = Json.write(answer);
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (String topic : request.replyTopics()) {
            // The reply_to rule holds here too: a record produced straight to Kafka may name any topic.
            Optional<String> refused = replyTopics.refusal(request.tenant(), topic);
            if (refused.isPresent()) {
                LOG.warnf("request %s: its reply goes to %s only: reply_to %s", request.id(), Topics.REPLIES,
                        refused.get());
                continue;
            }
            sends.add(send(incoming, reply, request.id(), topic));
        }
        for (UsageEvent event : usage) {
            // The same producer (acks=all, idempotent): usage is keyed by tenant, as the workers key it.
            sends.add(send(incoming, Json.write(event), event.tenant(), Topics.USAGE));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> send(Message<?> incoming, String payload, String key, String topic) {
        if (!topic.equals(Topics.REPLIES)) {
            // A job's own reply topic is made by its first reply where the broker does not make topics on first use.
            return topics.ensure(topic, Topics.REPLY_TOPIC_SPEC).toCompletableFuture()
                    .thenCompose(made -> sendNow(incoming, payload, key, topic));
        }
        return sendNow(incoming, payload, key, topic);
    }

    private CompletableFuture<Void> sendNow(Message<?> incoming, String payload, String key, String topic) {
        return replies
                .sendMessage(Traces.continuing(incoming,
                        Message.of(payload).addMetadata(
                                OutgoingKafkaRecordMetadata.<String> builder().withKey(key).withTopic(topic).build())))
                .subscribeAsCompletionStage();
    }
}
