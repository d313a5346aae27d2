package io.hybridllm.worker.cloud.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.Channels;
import io.hybridllm.worker.core.RequestHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** Consumes the cloud tier; the worker pool's size bounds the calls in flight to the providers. */
@ApplicationScoped
public class CloudConsumer {

    /** Sized by {@code smallrye.messaging.worker.cloud-calls.max-concurrency}. */
    static final String POOL = "cloud-calls";

    private final RequestHandler handler;

    public CloudConsumer(RequestHandler handler) {
        this.handler = handler;
    }

    @Incoming(Channels.TIER_CLOUD)
    @Blocking(value = POOL, ordered = false)
    public CompletionStage<Void> cloud(Message<String> record) {
        return handler.handle(record);
    }
}
