package io.hybridllm.ingest.rest;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackSigner;
import io.hybridllm.ingest.callbacks.CallbackTargets;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.tenants.Caller;

/**
 * Reads an HTTP submission: within the size limit (413), strictly (an unknown field is a 400 naming it), valid as a
 * message, for the caller's tenant, with a reply topic of that tenant's own, and with a callback URL this server can
 * and may call back.
 */
@ApplicationScoped
public class SubmissionRules {

    private final CallbackSigner signer;
    private final CallbackTargets targets;
    private final IngestConfig config;
    private final ReplyTopics replyTopics;

    public SubmissionRules(CallbackSigner signer, CallbackTargets targets, IngestConfig config,
            ReplyTopics replyTopics) {
        this.signer = signer;
        this.targets = targets;
        this.config = config;
        this.replyTopics = replyTopics;
    }

    public Submission read(String body, Caller caller) {
        TooLarge.check("the request", body, config.limits().maxRequestBytes());
        return check(Json.readStrict(body, Submission.class), caller);
    }

    /** A submission read from elsewhere (a batch line, an OpenAI call), checked as one read here would be. */
    public Submission check(Submission submission, Caller caller) {
        if (submission.callbackUrl() != null) {
            checkCallbackUrl(submission.callbackUrl());
        }
        checkDeadline(submission);
        String tenant = caller.tenantFor(submission.tenant());
        replyTopics.refusal(tenant, submission.replyTo()).ifPresent(reason -> {
            throw new InvalidMessageException("reply_to", reason);
        });
        return new Submission(tenant, submission.jobId(), submission.taskType(), submission.messages(),
                submission.options(), submission.hints(), submission.replyTo(), submission.callbackUrl(),
                submission.inputs(), submission.dimensions());
    }

    private void checkDeadline(Submission submission) {
        Instant deadline = submission.hints() == null ? null : submission.hints().deadline();
        Duration cap = config.limits().maxDeadline();
        if (deadline != null && deadline.isAfter(Instant.now().plus(cap))) {
            throw new InvalidMessageException("hints.deadline", "is more than " + cap.toHours()
                    + " h away; the furthest deadline allowed is " + cap + " (hybrid.ingest.limits.max-deadline)");
        }
    }

    private void checkCallbackUrl(String url) {
        targets.check(url);
        if (!signer.canSign()) {
            throw new InvalidMessageException("callback_url",
                    "callbacks are off on this server: it has no signing key (HYBRID_CALLBACK_SIGNING_KEY)");
        }
    }
}
