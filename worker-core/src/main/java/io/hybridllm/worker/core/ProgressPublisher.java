package io.hybridllm.worker.core;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Announces on {@value Topics#PROGRESS} (keyed by request id) that a model call for a request began. The call does not
 * wait for the broker: a lost announcement only leaves the request shown as routed a little longer, while a call held
 * up by it would cost the client time.
 */
@ApplicationScoped
public class ProgressPublisher {

    private static final Logger LOG = Logger.getLogger(ProgressPublisher.class);

    private final MutinyEmitter<String> progress;

    public ProgressPublisher(
            @Channel(Channels.PROGRESS) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> progress) {
        this.progress = progress;
    }

    public void started(CallStarted call) {
        progress.sendMessage(TraceContext.continued(Message.of(Json.write(call))
                .addMetadata(OutgoingKafkaRecordMetadata.<String> builder().withKey(call.requestId()).build())))
                .subscribe().with(sent -> {
                }, failure -> LOG.debugf("progress of request %s not published: %s", call.requestId(),
                        failure.getMessage()));
    }
}
