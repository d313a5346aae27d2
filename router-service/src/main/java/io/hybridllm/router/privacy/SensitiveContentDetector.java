package io.hybridllm.router.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.inject.Singleton;

import io.hybridllm.contracts.LlmRequest;
import io.quarkus.runtime.Startup;

/**
 * Says whether a request must stay local: because its submitter marked it sensitive, or because its content matches a
 * detector (secrets, personal data). The reason names only the detectors, never what they matched: the reason travels
 * in messages and replies, and the match is the very thing that must not.
 */
@Singleton
@Startup
public class SensitiveContentDetector {

    private final boolean enabled;
    private final Map<String, Pattern> detectors = new TreeMap<>();

    public SensitiveContentDetector(PrivacyConfig config) {
        this.enabled = config.enabled();
        config.detectors().forEach((name, regex) -> {
            try {
                detectors.put(name, Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("hybrid.router.privacy.detectors." + name
                        + ": not a valid regular expression: " + e.getDescription());
            }
        });
    }

    /** Why the request must stay local, or empty when it may go anywhere. */
    public Optional<String> mustStayLocal(LlmRequest request) {
        if (request.hints().sensitive()) {
            return Optional.of("marked sensitive");
        }
        if (!enabled) {
            return Optional.empty();
        }
        String text = request.promptText();
        List<String> found = new ArrayList<>();
        detectors.forEach((name, pattern) -> {
            if (pattern.matcher(text).find()) {
                found.add(name);
            }
        });
        return found.isEmpty() ? Optional.empty() : Optional.of("detected " + String.join(", ", found));
    }
}
