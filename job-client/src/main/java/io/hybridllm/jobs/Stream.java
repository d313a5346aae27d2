package io.hybridllm.jobs;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;

/**
 * Submits a stream of requests of any length: each takes a slot as it is submitted, so at most {@code maxInFlight}
 * await replies and nothing is held per request once it ended. A request that cannot be submitted (e.g. refused) is
 * given to the callback as a failure; the stream goes on.
 */
final class Stream {

    private final JobClient client;
    private final AtomicLong open = new AtomicLong(1); // 1 for the submitting loop itself
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    Stream(JobClient client) {
        this.client = client;
    }

    CompletableFuture<Void> submitAll(Iterable<LlmRequest> requests, BiConsumer<LlmReply, Throwable> callback) {
        for (LlmRequest request : requests) {
            open.incrementAndGet();
            try {
                client.submit(request).whenComplete((reply, failure) -> {
                    try {
                        callback.accept(reply, failure);
                    } finally {
                        ended();
                    }
                });
            } catch (JobClientException.Closed closed) {
                ended();
                throw closed;
            } catch (RuntimeException refused) {
                try {
                    callback.accept(null, refused);
                } finally {
                    ended();
                }
            }
        }
        ended();
        return done;
    }

    private void ended() {
        if (open.decrementAndGet() == 0) {
            done.complete(null);
        }
    }
}
