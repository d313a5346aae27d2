package io.hybridllm.router.messaging;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.router.cache.CachedReplies;
import io.hybridllm.router.cache.ResponseCache;
import io.hybridllm.router.routing.TierRouter;
import io.hybridllm.router.routing.UnroutableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Routes every request to its tier topic. The outgoing record carries the incoming one's acknowledgement, so a
 * request's offset is committed only once its routed copy is in Kafka; an unreadable request goes to the dead-letter
 * topic with the reason. A request the response cache can answer is answered here (see {@link ResponseCache}). A
 * request no usable tier can serve is held until its deadline if it has one (see {@link HeldRequests}), else answered
 * with a failed reply.
 */
@ApplicationScoped
public class RequestRouting {

    /** Held requests released to their tier once it is usable again; same topics as the routed channel. */
    static final String RELEASED = "released";

    private final TierRouter router;
    private final UnroutableReplies unroutable;
    private final HeldRequests held;
    private final ResponseCache cache;
    private final MeterRegistry metrics;
    // Looked up once: a registry lookup by name and tags for every record was measurable per request.
    private final Map<Tier, Counter> decisions = new EnumMap<>(Tier.class);
    private final DistributionSummary scores;

    public RequestRouting(TierRouter router, UnroutableReplies unroutable, HeldRequests held, ResponseCache cache,
            MeterRegistry metrics) {
        this.router = router;
        this.cache = cache;
        this.unroutable = unroutable;
        this.held = held;
        this.metrics = metrics;
        for (Tier tier : Tier.values()) {
            decisions.put(tier, metrics.counter("hybrid.router.decisions", "tier", tier.wireName()));
        }
        this.scores = metrics.summary("hybrid.router.score");
    }

    @Incoming(Channels.REQUESTS)
    @Outgoing(Channels.ROUTED)
    public Message<String> route(Message<String> incoming) {
        LlmRequest request;
        try {
            request = Json.read(incoming.getPayload(), LlmRequest.class);
            String topic = incoming.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getTopic).orElse(null);
            Topics.wrongTenant(topic, request.tenant()).ifPresent(why -> {
                throw new InvalidMessageException("tenant", why);
            });
        } catch (InvalidMessageException e) {
            // Nacking dead-letters the record with the reason; returning null skips it without ending the stream.
            incoming.nack(e);
            return null;
        }
        RoutingDecision decision;
        try {
            decision = router.decide(request);
        } catch (UnroutableException e) {
            Optional<String> notHeld = e.healthMayHelp() ? held.hold(request, incoming, e) : Optional.empty();
            if (e.healthMayHelp() && notHeld.isEmpty()) {
                return null;
            }
            metrics.counter("hybrid.router.unroutable").increment();
            // Acknowledged once the failed reply is in Kafka; skipped on the routed channel.
            acknowledgeWhen(incoming,
                    unroutable.fail(incoming, request, e.wanted(), new ErrorInfo(ErrorInfo.ErrorCode.NO_PROVIDER,
                            e.getMessage() + notHeld.map(why -> "; not held: " + why).orElse(""))));
            return null;
        }
        ResponseCache.Outcome cached = cache.consult(request, decision);
        if (cached instanceof ResponseCache.Hit hit) {
            // Acknowledged once the reply and its usage are in Kafka; nothing goes to a tier.
            acknowledgeWhen(incoming, unroutable.answer(incoming, request, CachedReplies.reply(request, hit),
                    UsageEvent.forCacheHit(request, hit.entry())));
            return null;
        }
        decision = ((ResponseCache.Miss) cached).decision();
        decisions.get(decision.tier()).increment();
        scores.record(decision.score());
        return incoming.withPayload(Json.write(new RoutedRequest(request, decision)))
                .addMetadata(toTier(request, decision));
    }

    /** A routed request goes to its tier's topic, keyed by request id. */
    static OutgoingKafkaRecordMetadata<String> toTier(LlmRequest request, RoutingDecision decision) {
        return OutgoingKafkaRecordMetadata.<String> builder().withKey(request.id()).withTopic(decision.tier().topic())
                .build();
    }

    /** Acknowledges a request once what answers it is in Kafka; a failed send dead-letters it with the reason. */
    static void acknowledgeWhen(Message<?> incoming, CompletionStage<?> sent) {
        sent.whenComplete((done, failure) -> {
            if (failure == null) {
                incoming.ack();
            } else {
                incoming.nack(failure);
            }
        });
    }
}
