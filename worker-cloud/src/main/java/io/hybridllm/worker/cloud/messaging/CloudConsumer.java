package io.hybridllm.worker.cloud.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.hybridllm.contracts.Channels;
import io.hybridllm.worker.core.RequestHandler;

/**
 * Consumes the cloud tier. The next record is taken once the current one has a slot on its provider (see
 * {@link RequestHandler}); calls run on virtual threads, so thousands can wait on slow providers at once.
 */
@ApplicationScoped
public class CloudConsumer {

    private final RequestHandler handler;

    public CloudConsumer(RequestHandler handler) {
        this.handler = handler;
    }

    @Incoming(Channels.TIER_CLOUD)
    public CompletionStage<Void> cloud(Message<String> record) {
        return handler.handle(record);
    }
}
