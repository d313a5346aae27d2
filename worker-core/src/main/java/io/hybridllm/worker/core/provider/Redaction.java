package io.hybridllm.worker.core.provider;

import java.util.List;

import com.google.re2j.Pattern;

/**
 * Keeps API keys out of anything a person or another service can read: replies, logs, metrics, health data. Providers
 * echo keys in their error messages, whole or masked ({@code sk-proj-****abcd}, {@code xa***ys}), so besides the key in
 * use every key-shaped token is removed. The rules run on RE2/J, in time linear in the text: a provider's message is
 * untrusted, and the masked-key rule backtracks quadratically on a long word in {@code java.util.regex}.
 */
public final class Redaction {

    private static final String REDACTED = "[redacted]";

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final List<Rule> RULES = List.of(
            // OpenAI (sk-, sk-proj-) and Anthropic (sk-ant-) keys.
            new Rule(Pattern.compile("\\bsk-[A-Za-z0-9_*\\-]{3,}"), "sk-" + REDACTED),
            new Rule(Pattern.compile("\\bxai-[A-Za-z0-9_*\\-]{3,}"), "xai-" + REDACTED),
            // Google API keys.
            new Rule(Pattern.compile("\\bAIza[A-Za-z0-9_*\\-]{6,}"), REDACTED),
            // "Incorrect API key provided: na***ys", "Invalid API key: INVALID_KEY_BLAH".
            new Rule(Pattern.compile("(?i)(api[ _-]?key(?: provided)?:\\s*)[^\\s.,;'\"]+"), "$1" + REDACTED),
            // A key in a query string.
            new Rule(Pattern.compile("(?i)([?&](?:api[_-]?)?key=)[^&\\s]+"), "$1" + REDACTED),
            // Anything masked the way providers mask keys.
            new Rule(Pattern.compile("[A-Za-z0-9_\\-]*\\*{3,}[A-Za-z0-9_\\-]*"), REDACTED));

    /** {@code text} without {@code secret} (may be null) and without anything that looks like a key. */
    public static String redact(String text, String secret) {
        if (text == null) {
            return null;
        }
        String redacted = secret == null || secret.isBlank() ? text : text.replace(secret.strip(), REDACTED);
        for (Rule rule : RULES) {
            redacted = rule.pattern().matcher(redacted).replaceAll(rule.replacement());
        }
        return redacted;
    }

    /** {@code text} without the secret of {@code key} (may be null) and anything key-shaped. */
    static String without(String text, ApiKey key) {
        return redact(text, key == null ? null : key.secret());
    }

    private Redaction() {
    }
}
