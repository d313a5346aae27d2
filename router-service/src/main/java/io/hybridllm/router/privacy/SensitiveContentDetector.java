package io.hybridllm.router.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.inject.Singleton;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import io.hybridllm.contracts.LlmRequest;
import io.quarkus.runtime.Startup;

/**
 * Says whether a request must stay local: because its submitter marked it sensitive, or because its content matches a
 * detector (secrets, personal data). The reason names only the detectors, never what they matched: the reason travels
 * in messages and replies, and the match is the very thing that must not.
 * <p>
 * The detectors are RE2 expressions (RE2/J): they run in time linear in the prompt whatever its shape, and they read
 * the whole prompt, so a secret at the end of a long one is still found. A Java-only construct (lookaround,
 * backreference, possessive quantifier) is refused at startup with the detector's key.
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
                        + ": not a valid regular expression: " + e.getDescription()
                        + " (RE2 syntax: no lookaround or backreferences, so that matching stays linear)");
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
