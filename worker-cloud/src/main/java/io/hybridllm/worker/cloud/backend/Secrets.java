package io.hybridllm.worker.cloud.backend;

import java.util.regex.Pattern;

/** Keeps API keys out of anything a person or another service can read: replies, logs, metrics, health data. */
public final class Secrets {

    /** Providers echo keys, often partly masked, e.g. {@code sk-proj-****abcd}. */
    private static final Pattern KEY_LIKE = Pattern.compile("\\bsk-[A-Za-z0-9_*.\\-]{3,}");

    public static String redact(String text, String apiKey) {
        if (text == null) {
            return null;
        }
        String redacted = apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, "[redacted]");
        return KEY_LIKE.matcher(redacted).replaceAll("sk-[redacted]");
    }

    private Secrets() {
    }
}
