package io.hybridllm.jobs;

import io.hybridllm.contracts.LlmRequest;

/** Makes a request the job's: its tenant, its job id and its reply topic, refusing a request that names others. */
final class Stamp {

    static LlmRequest asJob(LlmRequest request, JobClientConfig config) {
        if (!config.tenant().equals(request.tenant())) {
            throw new IllegalArgumentException("request " + request.id() + " is refused: its tenant is "
                    + request.tenant() + ", but this job client submits for tenant " + config.tenant());
        }
        if (request.replyTo() != null && !request.replyTo().equals(config.replyTopic())) {
            throw new IllegalArgumentException("request " + request.id() + " is refused: its reply_to is "
                    + request.replyTo() + ", but this job client reads replies from " + config.replyTopic());
        }
        String jobId = request.jobId() != null ? request.jobId() : config.jobId();
        return new LlmRequest(request.schemaVersion(), request.id(), request.tenant(), jobId, request.taskType(),
                request.messages(), request.options(), request.hints(), config.replyTopic(), request.callbackUrl(),
                request.submittedAt(), request.attempts());
    }

    private Stamp() {
    }
}
