package io.hybridllm.ingest.rest;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

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

    /** The request once it has ended, or as it stands after {@code timeout}. */
    public Uni<RequestView> awaitFinal(String id, Caller caller, Duration timeout) {
        RequestView now = get(id, caller);
        if (timeout.isZero() || isFinal(now)) {
            return Uni.createFrom().item(now);
        }
        CompletableFuture<Void> reached = completions.await(id, timeout);
        // Read again now that the waiter is registered: a final state committed in between would otherwise be missed.
        RequestView again = get(id, caller);
        if (isFinal(again)) {
            reached.complete(null);
            return Uni.createFrom().item(again);
        }
        return Uni.createFrom().completionStage(reached).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(done -> get(id, caller));
    }

    public static boolean isFinal(RequestView view) {
        return RequestStatus.valueOf(view.status().toUpperCase(Locale.ROOT)).isFinal();
    }
}
