package io.hybridllm.ingest.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.CallStarted;
import io.hybridllm.contracts.EmbeddingVectors;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.FinishReason;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RoutingDecision;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.ToolCall;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackView;
import io.hybridllm.ingest.requests.RequestRecord;
import io.hybridllm.ingest.requests.RequestStatus;

/**
 * What {@code GET /v1/requests/{id}} answers: the status; while it is on a tier, the decision and attempts so far, and
 * the model call under way when it is running; once final, the result with how it was reached, why the model stopped
 * and any tool calls it asked for (an embed request's vectors in {@code embeddings}).
 */
public record RequestView(String id, String tenant, String jobId, String taskType, String status, String source,
        Instant submittedAt, Instant routedAt, Instant completedAt, String answer, ErrorInfo error, Tier tier,
        String provider, String model, TokenUsage usage, BigDecimal costUsd, Long latencyMs, Double qualityScore,
        RoutingDecision routing, List<Attempt> attempts, RunningCall running, CallbackView callback,
        FinishReason finishReason, List<ToolCall> toolCalls, EmbeddingVectors embeddings) {

    private static final TypeReference<List<Attempt>> ATTEMPTS = new TypeReference<>() {
    };

    static RequestView of(RequestRecord row, CallbackView callback) {
        String status = row.status.name().toLowerCase(Locale.ROOT);
        if (row.reply == null) {
            RoutingDecision routing = row.routing == null ? null : Json.read(row.routing, RoutingDecision.class);
            List<Attempt> attempts = row.attempts == null ? List.of() : readAttempts(row.attempts);
            boolean callUnderWay = row.status == RequestStatus.RUNNING || row.cancelledRunning;
            RunningCall running = callUnderWay && row.running != null
                    ? RunningCall.of(Json.read(row.running, CallStarted.class))
                    : null;
            return new RequestView(row.id, row.tenant, row.jobId, row.taskType, status, row.source, row.submittedAt,
                    row.routedAt, row.completedAt, null, row.endingError(), routing == null ? null : routing.tier(),
                    null, null, null, null, null, null, routing, attempts, running, callback, null, null, null);
        }
        LlmReply reply = Json.read(row.reply, LlmReply.class);
        return new RequestView(row.id, row.tenant, row.jobId, row.taskType, status, row.source, row.submittedAt,
                row.routedAt, row.completedAt, reply.answer(), reply.error(), reply.tier(), reply.provider(),
                reply.model(), reply.usage(), reply.costUsd(), reply.latencyMs(), reply.qualityScore(),
                reply.decision(), reply.attempts(), null, callback, reply.finishReason(), reply.toolCalls(),
                reply.embeddings());
    }

    /**
     * The view the row shows once {@code reply} ended it, made without reading the row back: the request as it was
     * submitted here, and the reply as the status consumer recorded it (timestamps to the microsecond, as stored). The
     * time it was routed is not known in memory, and absent (the OpenAI answer made from it does not show it).
     */
    public static RequestView answered(LlmRequest request, LlmReply reply) {
        RequestView submitted = new RequestView(request.id(), request.tenant(), request.jobId(),
                request.taskType().name().toLowerCase(Locale.ROOT), null, "http", micros(request.submittedAt()), null,
                null, null, null, null, null, null, null, null, null, null, null, List.of(), null, null, null, null,
                null);
        return submitted.endedWith(reply);
    }

    /** This view of a request as it stands once {@code reply}, its result, ended it. */
    public RequestView endedWith(LlmReply reply) {
        return new RequestView(id, tenant, jobId, taskType, RequestStatus.of(reply).name().toLowerCase(Locale.ROOT),
                source, submittedAt, routedAt, micros(reply.completedAt()), reply.answer(), reply.error(), reply.tier(),
                reply.provider(), reply.model(), reply.usage(), reply.costUsd(), reply.latencyMs(),
                reply.qualityScore(), reply.decision(), reply.attempts(), null, callback, reply.finishReason(),
                reply.toolCalls(), reply.embeddings());
    }

    /** As PostgreSQL stores it: rounded to the microsecond. */
    private static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static List<Attempt> readAttempts(String json) {
        try {
            return Json.mapper().readValue(json, ATTEMPTS);
        } catch (JacksonException e) {
            throw Json.describe(e);
        }
    }
}
