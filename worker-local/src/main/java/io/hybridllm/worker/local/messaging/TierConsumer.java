package io.hybridllm.worker.local.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.Channels;
import io.hybridllm.worker.core.RequestHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes both local tiers, each in its own consumer group, with the same handling. Both share one worker pool because
 * they share the backend: its size bounds the calls in flight to Ollama.
 */
@ApplicationScoped
public class TierConsumer {

    /** Sized by {@code smallrye.messaging.worker.ollama-calls.max-concurrency}. */
    static final String POOL = "ollama-calls";

    private final RequestHandler handler;

    public TierConsumer(RequestHandler handler) {
        this.handler = handler;
    }

    @Incoming(Channels.TIER_LOCAL_FAST)
    @Blocking(value = POOL, ordered = false)
    public CompletionStage<Void> localFast(Message<String> record) {
        return handler.handle(record);
    }

    @Incoming(Channels.TIER_LOCAL_QUALITY)
    @Blocking(value = POOL, ordered = false)
    public CompletionStage<Void> localQuality(Message<String> record) {
        return handler.handle(record);
    }
}
