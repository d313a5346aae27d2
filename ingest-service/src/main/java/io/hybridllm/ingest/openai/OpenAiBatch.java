package io.hybridllm.ingest.openai;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.hybridllm.ingest.batches.BatchProgress;
import io.hybridllm.ingest.batches.BatchRecord;
import io.hybridllm.ingest.requests.RequestStatus;

/** OpenAI's batch object, from a batch and where its requests stand. */
public record OpenAiBatch(String id, String object, String endpoint, Errors errors, String inputFileId,
        String completionWindow, String status, String outputFileId, String errorFileId, long createdAt,
        Long inProgressAt, Long expiresAt, Long completedAt, Long cancellingAt, Long cancelledAt,
        RequestCounts requestCounts, Map<String, String> metadata) {

    public record Errors(String object, List<Error> data) {
    }

    public record Error(String code, String message, String param, Integer line) {
    }

    public record RequestCounts(int total, int completed, int failed) {
    }

    /** What the OpenAI Batch API keeps about a batch, stored with it. */
    public record Meta(String inputFileId, String endpoint, String completionWindow, Map<String, String> metadata) {
    }

    static OpenAiBatch of(BatchRecord batch, Meta meta, BatchProgress.Tally tally, List<BatchProgress.Item> malformed,
            Instant lastCompleted) {
        int succeeded = tally.count(RequestStatus.SUCCEEDED);
        int failed = batch.total - succeeded - tally.open();
        boolean done = tally.isDone();
        String status = batch.cancelledAt != null ? (done ? "cancelled" : "cancelling")
                : done ? "completed" : "in_progress";
        long created = batch.createdAt.getEpochSecond();
        Long finished = done ? (lastCompleted == null ? batch.createdAt : lastCompleted).getEpochSecond() : null;
        Errors errors = malformed.isEmpty() ? null
                : new Errors("list",
                        malformed.stream()
                                .map(item -> new Error("invalid_request", item.error(), item.errorField(), item.line()))
                                .toList());
        return new OpenAiBatch(batch.id, "batch", meta.endpoint(), errors, meta.inputFileId(), meta.completionWindow(),
                status, done && succeeded > 0 ? BatchFiles.outputId(batch.id) : null,
                done && failed > 0 ? BatchFiles.errorsId(batch.id) : null, created, created,
                batch.createdAt.plus(Duration.ofHours(24)).getEpochSecond(),
                "completed".equals(status) ? finished : null,
                batch.cancelledAt == null ? null : batch.cancelledAt.getEpochSecond(),
                "cancelled".equals(status) ? finished : null, new RequestCounts(batch.total, succeeded, failed),
                meta.metadata());
    }
}
