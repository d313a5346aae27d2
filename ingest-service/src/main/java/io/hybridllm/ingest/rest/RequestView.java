package io.hybridllm.ingest.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.requests.RequestRecord;

/** What {@code GET /v1/requests/{id}} answers: the status and, once final, the result with how it was reached. */
public record RequestView(String id, String tenant, String jobId, String taskType, String status, String source,
        Instant submittedAt, Instant completedAt, String answer, ErrorInfo error, Tier tier, String provider,
        String model, TokenUsage usage, BigDecimal costUsd, Long latencyMs, Double qualityScore,
        RoutingDecision routing, List<Attempt> attempts) {

    static RequestView of(RequestRecord row) {
        String status = row.status.name().toLowerCase(Locale.ROOT);
        if (row.reply == null) {
            return new RequestView(row.id, row.tenant, row.jobId, row.taskType, status, row.source, row.submittedAt,
                    null, null, null, null, null, null, null, null, null, null, null, List.of());
        }
        LlmReply reply = Json.read(row.reply, LlmReply.class);
        return new RequestView(row.id, row.tenant, row.jobId, row.taskType, status, row.source, row.submittedAt,
                row.completedAt, reply.answer(), reply.error(), reply.tier(), reply.provider(), reply.model(),
                reply.usage(), reply.costUsd(), reply.latencyMs(), reply.qualityScore(), reply.decision(),
                reply.attempts());
    }
}
