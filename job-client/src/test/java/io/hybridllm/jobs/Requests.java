package io.hybridllm.jobs;

import java.time.Instant;
import java.util.List;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Priority;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.SchemaVersion;

/** Requests for the tests. */
final class Requests {

    static LlmRequest of(String tenant, String id) {
        return new LlmRequest(SchemaVersion.CURRENT, id, tenant, null, null, List.of(ChatMessage.user("q " + id)), null,
                null, null, null, null, null);
    }

    static LlmRequest withDeadline(String tenant, String id, Instant deadline) {
        return new LlmRequest(SchemaVersion.CURRENT, id, tenant, null, null, List.of(ChatMessage.user("q " + id)), null,
                new RequestHints(null, null, false, null, Priority.BATCH, deadline, null), null, null, null, null);
    }

    private Requests() {
    }
}
