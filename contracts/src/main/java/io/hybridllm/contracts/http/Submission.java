package io.hybridllm.contracts.http;

import java.time.Instant;
import java.util.List;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;

/**
 * The body of {@code POST /v1/requests} (and of the router's {@code POST /v1/route/explain}): a request without what
 * the server assigns (id, time, history). {@code inputs} and {@code dimensions} are for task type {@code embed} only.
 */
public record Submission(String tenant, String jobId, TaskType taskType, List<ChatMessage> messages,
        GenerationOptions options, RequestHints hints, String replyTo, String callbackUrl, List<String> inputs,
        Integer dimensions) {

    /** A submission without embedding inputs. */
    public Submission(String tenant, String jobId, TaskType taskType, List<ChatMessage> messages,
            GenerationOptions options, RequestHints hints, String replyTo, String callbackUrl) {
        this(tenant, jobId, taskType, messages, options, hints, replyTo, callbackUrl, null, null);
    }

    /** Until tenants authenticate with keys, an unnamed tenant is {@value}. */
    public static final String DEFAULT_TENANT = "default";

    public LlmRequest toRequest(String id) {
        return new LlmRequest(SchemaVersion.CURRENT, id, tenant == null ? DEFAULT_TENANT : tenant, jobId, taskType,
                messages, options, hints, replyTo, callbackUrl, Instant.now(), List.of(), inputs, dimensions);
    }
}
