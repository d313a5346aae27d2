package io.hybridllm.worker.local.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.Channels;
import io.hybridllm.worker.core.RequestHandler;

/**
 * Consumes both local tiers, each in its own consumer group, with the same handling and the same backend pool: the
 * tiers share the GPUs. Each channel asks for its next record once the current one has a slot (see
 * {@link RequestHandler}), so a full pool pauses consumption.
 */
@ApplicationScoped
public class TierConsumer {

    private final RequestHandler handler;

    public TierConsumer(RequestHandler handler) {
        this.handler = handler;
    }

    @Incoming(Channels.TIER_LOCAL_FAST)
    public CompletionStage<Void> localFast(Message<String> record) {
        return handler.handle(record);
    }

    @Incoming(Channels.TIER_LOCAL_QUALITY)
    public CompletionStage<Void> localQuality(Message<String> record) {
        return handler.handle(record);
    }
}
