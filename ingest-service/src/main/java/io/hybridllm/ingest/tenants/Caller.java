package io.hybridllm.ingest.tenants;

import io.hybridllm.contracts.http.Submission;
import io.hybridllm.contracts.json.InvalidMessageException;

/**
 * Who is calling a tenant endpoint: a tenant proven by its API key, or, with {@code hybrid.ingest.auth=none}, anyone
 * (an open caller, who names a tenant in the body or gets {@value Submission#DEFAULT_TENANT}, and sees every request).
 */
public record Caller(String tenant) {

    public static final Caller OPEN = new Caller(null);

    public boolean isOpen() {
        return tenant == null;
    }

    /** The tenant a submission is for: the key's; a different tenant in the body is refused rather than ignored. */
    public String tenantFor(String claimed) {
        if (isOpen()) {
            return claimed == null ? Submission.DEFAULT_TENANT : claimed;
        }
        if (claimed != null && !claimed.equals(tenant)) {
            throw new InvalidMessageException("tenant", "is set by your API key (" + tenant + "); leave it out");
        }
        return tenant;
    }

    /** Whether this caller may see a request or batch of {@code owner}; one it may not see is answered as missing. */
    public boolean canSee(String owner) {
        return isOpen() || tenant.equals(owner);
    }
}
