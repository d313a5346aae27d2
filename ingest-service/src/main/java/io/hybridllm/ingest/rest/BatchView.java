package io.hybridllm.ingest.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.hybridllm.ingest.batches.BatchProgress;
import io.hybridllm.ingest.batches.BatchRecord;

/** What {@code /v1/request-batches/{id}} answers: the lines read, the requests per state, the cost so far. */
public record BatchView(String id, String tenant, String status, int lines, int accepted, int malformed,
        Map<String, Integer> counts, BigDecimal costUsd, Instant createdAt, Instant cancelledAt, List<LineError> errors,
        String resultsUrl) {

    /** A line that did not become a request: its number, the offending field, and why. */
    public record LineError(int line, String field, String error) {
    }

    static BatchView of(BatchRecord batch, BatchProgress.Tally tally, List<BatchProgress.Item> malformed,
            String resultsUrl) {
        String status = batch.cancelledAt != null ? "cancelled" : tally.isDone() ? "completed" : "running";
        return new BatchView(batch.id, batch.tenant, status, batch.total, batch.accepted, malformed.size(),
                tally.counts(), tally.costUsd(), batch.createdAt, batch.cancelledAt,
                malformed.stream().map(item -> new LineError(item.line(), item.errorField(), item.error())).toList(),
                resultsUrl);
    }
}
