package io.hybridllm.worker.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.contracts.pricing.PriceCatalogue;

/**
 * Answers one routed request: reads it, calls the backend on the decision's first target, publishes the reply and the
 * usage event, and only then acknowledges the record. Whatever happens, the returned stage completes normally, because
 * a failed stage would stall the consumer; what cannot be handled is nacked, which dead-letters it with the reason.
 */
@ApplicationScoped
public class RequestHandler {

    private static final Logger LOG = Logger.getLogger(RequestHandler.class);

    private final ModelBackend backend;
    private final ReplyPublisher publisher;
    private final CallMetrics metrics;
    private final PriceCatalogue prices;

    public RequestHandler(ModelBackend backend, ReplyPublisher publisher, CallMetrics metrics, PriceCatalogue prices) {
        this.backend = backend;
        this.publisher = publisher;
        this.metrics = metrics;
        this.prices = prices;
    }

    public CompletionStage<Void> handle(Message<String> record) {
        RoutedRequest routed;
        try {
            routed = Json.read(record.getPayload(), RoutedRequest.class);
        } catch (InvalidMessageException e) {
            LOG.warnf("unreadable routed request, dead-lettered: %s", e.getMessage());
            return settled(record.nack(e), "dead-letter an unreadable request");
        }
        try {
            CompletionStage<Void> done = publisher.publish(answer(routed), routed.request().replyTopics())
                    .handle((published, failure) -> failure == null ? record.ack() : record.nack(failure))
                    .thenCompose(Function.identity());
            return settled(done, "publish the reply to request " + routed.id());
        } catch (InterruptedException e) {
            // Shutting down: leave the record unacknowledged so that it is redelivered rather than failed.
            Thread.currentThread().interrupt();
            LOG.infof("request %s interrupted by shutdown; it will be redelivered", routed.id());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "request %s could not be handled; dead-lettered", routed.id());
            return settled(record.nack(e), "dead-letter request " + routed.id());
        }
    }

    Publication answer(RoutedRequest routed) throws InterruptedException {
        LlmRequest request = routed.request();
        Target target = withModel(routed);
        Instant now = Instant.now();
        Instant deadline = request.hints().deadline();
        if (deadline != null && !now.isBefore(deadline)) {
            return skip(routed, target, ErrorCode.EXPIRED,
                    "the deadline " + deadline + " had passed when the worker took the request at " + now);
        }
        if (!backend.provider().equals(target.provider())) {
            return skip(routed, target, ErrorCode.NO_PROVIDER, "this worker serves provider " + backend.provider()
                    + ", but the first target is provider " + target.provider());
        }
        if (target.model() == null) {
            return skip(routed, target, ErrorCode.NO_PROVIDER,
                    "the target names no model and the worker has no default model for tier "
                            + routed.decision().tier().wireName());
        }
        Optional<ErrorInfo> refusal = backend.refusal();
        if (refusal.isPresent()) {
            // Not a call: nothing to bill, and the provider never saw the request.
            return skip(routed, target, refusal.get().code(), refusal.get().message());
        }
        long started = System.nanoTime();
        CallResult result = backend.chat(target.model(), request);
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        metrics.called(target, result, latency);
        if (result instanceof CallResult.Failed failed) {
            LOG.infof("request %s: %s on %s failed: %s", routed.id(), target.model(), target.provider(),
                    failed.error().message());
        }
        return Publication.called(routed, target, result, now, latency.toMillis(), prices);
    }

    /** The decision's first target, with the tier's default model when it names none. */
    private Target withModel(RoutedRequest routed) {
        Target first = routed.decision().targets().getFirst();
        if (first.model() != null && !first.model().isBlank()) {
            return first;
        }
        return new Target(first.provider(), backend.defaultModel(routed.decision().tier()));
    }

    private Publication skip(RoutedRequest routed, Target target, ErrorCode code, String message) {
        metrics.skipped(code);
        LOG.infof("request %s not called: %s", routed.id(), message);
        return Publication.notCalled(routed, target, new ErrorInfo(code, message));
    }

    private static CompletionStage<Void> settled(CompletionStage<Void> stage, String what) {
        return stage.exceptionally(failure -> {
            // The record stays uncommitted and is redelivered after a restart or rebalance.
            LOG.errorf(failure, "could not %s", what);
            return null;
        });
    }
}
