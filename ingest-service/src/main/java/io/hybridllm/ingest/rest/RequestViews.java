package io.hybridllm.ingest.rest;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.ingest.callbacks.CallbackOutbox;
import io.hybridllm.ingest.requests.Completions;
import io.hybridllm.ingest.requests.RequestRecord;
import io.hybridllm.ingest.requests.RequestStatus;
import io.hybridllm.ingest.requests.RequestStore;
import io.hybridllm.ingest.tenants.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads a request as its caller may see it (another tenant's request is answered as missing), now or once it has ended:
 * a wait is a future that the status consumer completes, so no thread is held while a client waits.
 */
@ApplicationScoped
public class RequestViews {

    private final RequestStore store;
    private final CallbackOutbox callbacks;
    private final Completions completions;

    public RequestViews(RequestStore store, CallbackOutbox callbacks, Completions completions) {
        this.store = store;
        this.callbacks = callbacks;
        this.completions = completions;
    }

    public RequestView get(String id, Caller caller) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> store.find(id).filter(row -> caller.canSee(row.tenant)).map(
                        row -> RequestView.of(row, askedForCallback(row) ? callbacks.find(id).orElse(null) : null)))
                .orElseThrow(() -> new NotFoundException("no request with id " + id));
    }

    /**
     * Whether the request may have a callback to show: its stored JSON names the field. A long-poll reads the view up
     * to three times, and the callback lookup was a query each time for requests that never asked for one.
     */
    private static boolean askedForCallback(RequestRecord row) {
        return row.request != null && row.request.contains("\"callback_url\"");
    }

    /**
     * The request once it has ended, or as it stands after {@code timeout}. The waiter is registered before the row is
     * read, so that a final state committed in between completes it; a reply this replica recorded is answered from
     * memory when the row had been routed already and has no callback (the view then lacks nothing the row has),
     * otherwise the row is read once more.
     */
    public Uni<RequestView> awaitFinal(String id, Caller caller, Duration timeout) {
        if (timeout.isZero()) {
            return Uni.createFrom().item(get(id, caller));
        }
        CompletableFuture<LlmReply> reached = completions.await(id, timeout);
        RequestView now;
        try {
            now = get(id, caller);
        } catch (RuntimeException e) {
            reached.complete(null);
            throw e;
        }
        if (isFinal(now)) {
            reached.complete(null);
            return Uni.createFrom().item(now);
        }
        return Uni.createFrom().completionStage(reached).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(reply -> reply != null && now.routedAt() != null && now.callback() == null ? now.endedWith(reply)
                        : get(id, caller));
    }

    /**
     * Submits {@code request} with {@code submit} and waits for its end, as the OpenAI endpoint does: the waiter is
     * registered first, and the reply this replica's consumer records is the answer, with no read of the row. Only an
     * end recorded elsewhere (a cancellation, another replica, the timeout) reads the row.
     */
    public Uni<RequestView> submitAndAwait(LlmRequest request, Caller caller, Duration timeout, Runnable submit) {
        CompletableFuture<LlmReply> reached = completions.await(request.id(), timeout);
        try {
            submit.run();
        } catch (RuntimeException e) {
            reached.complete(null);
            throw e;
        }
        return Uni.createFrom().completionStage(reached).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(reply -> reply != null ? RequestView.answered(request, reply) : get(request.id(), caller));
    }

    public static boolean isFinal(RequestView view) {
        return RequestStatus.valueOf(view.status().toUpperCase(Locale.ROOT)).isFinal();
    }
}
