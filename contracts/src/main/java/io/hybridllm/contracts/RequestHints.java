package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;
import java.util.Map;

/**
 * What the submitter knows that routing should respect: a preferred provider or tier, whether the content is sensitive
 * (must stay local), region, priority, a deadline, free-form context such as a file path, and whether the response
 * cache may answer it ({@code cache}: {@code false} bypasses it; absent or {@code true} leaves it to the policy).
 */
public record RequestHints(String provider, Tier tier, boolean sensitive, String region, Priority priority,
        Instant deadline, Map<String, String> context, Boolean cache) {

    public static final RequestHints NONE = new RequestHints(null, null, false, null, Priority.INTERACTIVE, null,
            Map.of());

    /** Hints that leave the cache to the policy. */
    public RequestHints(String provider, Tier tier, boolean sensitive, String region, Priority priority,
            Instant deadline, Map<String, String> context) {
        this(provider, tier, sensitive, region, priority, deadline, context, null);
    }

    /** Whether the request asked not to be answered from the cache. */
    public boolean bypassesCache() {
        return Boolean.FALSE.equals(cache);
    }

    public RequestHints {
        priority = priority == null ? Priority.INTERACTIVE : priority;
        context = context == null ? Map.of() : Map.copyOf(context);
        require(provider == null || !provider.isBlank(), "provider", "must not be blank when given");
    }
}
