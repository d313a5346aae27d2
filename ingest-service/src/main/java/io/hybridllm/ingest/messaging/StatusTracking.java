package io.hybridllm.ingest.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackOutbox;
import io.hybridllm.ingest.requests.Completions;
import io.hybridllm.ingest.requests.RequestStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the request store in step with Kafka: requests that jobs produced directly become pollable, and replies become
 * results. Each poll's records are written in one transaction ({@link StatusWrites}).
 */
@ApplicationScoped
public class StatusTracking {

    private final RequestStore store;
    private final StatusWrites writes;
    private final CallbackOutbox outbox;
    private final Completions completions;
    private final MeterRegistry metrics;

    public StatusTracking(RequestStore store, StatusWrites writes, CallbackOutbox outbox, Completions completions,
            MeterRegistry metrics) {
        this.store = store;
        this.writes = writes;
        this.outbox = outbox;
        this.completions = completions;
        this.metrics = metrics;
    }

    /**
     * An unreadable request, or one claiming another tenant than the tenant's own request topic it came from, is
     * counted and skipped: the router dead-letters it, and a second copy would confuse.
     */
    @Incoming(Channels.REQUESTS)
    @Blocking
    public CompletionStage<Void> onRequests(KafkaRecordBatch<String, String> batch) {
        List<LlmRequest> requests = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                LlmRequest request = Json.read(record.getPayload(), LlmRequest.class);
                if (Topics.wrongTenant(record.getTopic(), request.tenant()).isEmpty()) {
                    requests.add(request);
                } else {
                    metrics.counter("hybrid.ingest.unreadable.requests").increment();
                }
            } catch (InvalidMessageException e) {
                metrics.counter("hybrid.ingest.unreadable.requests").increment();
            }
        }
        writes.writeAll(requests, written -> {
            store.recordSubmitted(written, "kafka");
            // A reply read before its request (they come from different topics) queued no callback: it knew no URL.
            outbox.enqueueReply(written.stream().map(LlmRequest::id).toList());
        });
        return batch.ack();
    }

    /**
     * An unreadable reply goes to {@code llm.replies.dlq} at once, alone and with the reason, and the rest of the poll
     * is written. If the database stays down past the retries, every reply of the poll goes there, so that none is
     * lost.
     */
    @Incoming(Channels.REPLIES)
    @Blocking
    public CompletionStage<Void> onReplies(KafkaRecordBatch<String, String> batch) {
        List<ReadReply> replies = new ArrayList<>();
        List<CompletableFuture<Void>> deadLettered = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            try {
                replies.add(new ReadReply(record, Json.read(record.getPayload(), LlmReply.class)));
            } catch (InvalidMessageException e) {
                deadLettered.add(record.nack(e).toCompletableFuture());
            }
        }
        Set<String> kept = ConcurrentHashMap.newKeySet();
        List<StatusWrites.Unwritten<ReadReply>> unwritten = writes.writeAll(replies, written -> {
            // A retried attempt replaces what a rolled-back one found.
            written.forEach(read -> kept.remove(read.reply().requestId()));
            kept.addAll(store.recordReply(written.stream().map(ReadReply::reply).toList()));
            outbox.enqueueReply(written.stream().map(read -> read.reply().requestId()).toList());
        });
        for (StatusWrites.Unwritten<ReadReply> failed : unwritten) {
            deadLettered.add(failed.item().record().nack(failed.reason()).toCompletableFuture());
        }
        for (ReadReply read : replies) {
            if (unwritten.stream().noneMatch(failed -> failed.item() == read)) {
                // A waiting client gets the reply itself when the row ended with it, else reads the row.
                if (kept.contains(read.reply().requestId())) {
                    completions.answered(read.reply());
                } else {
                    completions.reached(read.reply().requestId());
                }
                metrics.counter("hybrid.ingest.completed", "status",
                        read.reply().status().name().toLowerCase(Locale.ROOT)).increment();
            }
        }
        return allOf(deadLettered).thenCompose(done -> batch.ack());
    }

    /** A reply with the record it came in, which is dead-lettered if the reply cannot be written. */
    private record ReadReply(KafkaRecord<String, String> record, LlmReply reply) {
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }
}
