package io.hybridllm.contracts;

import static io.hybridllm.contracts.json.Check.require;

import java.time.Instant;
import java.util.Map;

/**
 * What the submitter knows that routing should respect: a preferred provider or tier, whether the content is sensitive
 * (must stay local), region, priority, a deadline, and free-form context such as a file path.
 */
public record RequestHints(String provider, Tier tier, boolean sensitive, String region, Priority priority,
        Instant deadline, Map<String, String> context) {

    public static final RequestHints NONE = new RequestHints(null, null, false, null, Priority.INTERACTIVE, null,
            Map.of());

    public RequestHints {
        priority = priority == null ? Priority.INTERACTIVE : priority;
        context = context == null ? Map.of() : Map.copyOf(context);
        require(provider == null || !provider.isBlank(), "provider", "must not be blank when given");
    }
}
