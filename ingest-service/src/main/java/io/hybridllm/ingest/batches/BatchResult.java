package io.hybridllm.ingest.batches;

import java.math.BigDecimal;
import java.util.Locale;

import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.requests.RequestStatus;

/** One line of a batch's results: the request of an input line and, once it has ended, its answer or error. */
public record BatchResult(int line, String customId, String id, String status, String answer, ErrorInfo error,
        Tier tier, String provider, String model, TokenUsage usage, BigDecimal costUsd) {

    public static BatchResult of(BatchProgress.Item item) {
        if (item.reply() == null) {
            RequestStatus status = RequestStatus.valueOf(item.status().toUpperCase(Locale.ROOT));
            return new BatchResult(item.line(), item.customId(), item.requestId(), item.status(), null,
                    status.endingError(), null, null, null, null, null);
        }
        LlmReply reply = Json.read(item.reply(), LlmReply.class);
        return new BatchResult(item.line(), item.customId(), item.requestId(), item.status(), reply.answer(),
                reply.error(), reply.tier(), reply.provider(), reply.model(), reply.usage(), reply.costUsd());
    }
}
