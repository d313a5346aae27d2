package io.hybridllm.ingest.rest;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.callbacks.CallbackSigner;

/** What an HTTP submission must satisfy beyond being a valid message. */
@ApplicationScoped
public class SubmissionRules {

    private final CallbackSigner signer;

    public SubmissionRules(CallbackSigner signer) {
        this.signer = signer;
    }

    public Submission check(Submission submission) {
        if (submission.callbackUrl() != null) {
            checkCallbackUrl(submission.callbackUrl());
        }
        return submission;
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
