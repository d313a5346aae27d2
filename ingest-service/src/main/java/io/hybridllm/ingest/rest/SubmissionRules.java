package io.hybridllm.ingest.rest;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.ingest.callbacks.CallbackSigner;
import io.hybridllm.ingest.config.IngestConfig;
import io.hybridllm.ingest.tenants.Caller;

/**
 * Reads an HTTP submission: within the size limit (413), strictly (an unknown field is a 400 naming it), valid as a
 * message, for the caller's tenant, and with a callback URL this server can call back.
 */
@ApplicationScoped
public class SubmissionRules {

    private final CallbackSigner signer;
    private final IngestConfig config;

    public SubmissionRules(CallbackSigner signer, IngestConfig config) {
        this.signer = signer;
        this.config = config;
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
        return new Submission(caller.tenantFor(submission.tenant()), submission.jobId(), submission.taskType(),
                submission.messages(), submission.options(), submission.hints(), submission.replyTo(),
                submission.callbackUrl());
    }

    private void checkCallbackUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidMessageException("callback_url", "is not a URL: " + e.getReason());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || url.length() > 2048) {
            throw new InvalidMessageException("callback_url", "must be an absolute http or https URL (2048 at most)");
        }
        if (!signer.canSign()) {
            throw new InvalidMessageException("callback_url",
                    "callbacks are off on this server: it has no signing key (HYBRID_CALLBACK_SIGNING_KEY)");
        }
    }
}
