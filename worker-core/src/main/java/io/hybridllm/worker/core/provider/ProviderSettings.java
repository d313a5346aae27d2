package io.hybridllm.worker.core.provider;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.hybridllm.contracts.ProviderKind;

/**
 * Everything one provider adapter needs, as plain values, so that whoever wires the worker (configuration, policy,
 * tests) can build one without CDI.
 *
 * @param name
 *            the provider name routing decisions use, e.g. {@code claude}; also names it in messages
 * @param baseUrl
 *            where the API is; null for the kind's public default. OpenAI-shaped kinds include the version
 *            ({@code https://api.openai.com/v1}); Anthropic, Gemini and Cohere do not; Azure is the resource endpoint
 *            ({@code https://NAME.openai.azure.com})
 * @param defaultModel
 *            used when a target names no model (for Azure: a deployment name); may be null
 * @param timeout
 *            the whole call, from sending to the last byte of the answer
 * @param apiVersion
 *            Azure's {@code api-version} or Anthropic's {@code anthropic-version}; null for the default
 * @param maxTokens
 *            the answer budget sent when the request sets none and the provider requires one (Anthropic)
 * @param answerLimit
 *            the policy's {@code max_tokens}: the most tokens an answer may have, sent when a request sets none and
 *            lowering a request that asks for more; null for no limit of ours
 */
public record ProviderSettings(String name, ProviderKind kind, String baseUrl, KeySupplier keys, String defaultModel,
        Duration connectTimeout, Duration timeout, Duration healthTimeout, String apiVersion, int maxTokens,
        Integer answerLimit) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_HEALTH_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_TOKENS = 4096;

    public ProviderSettings {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a provider needs a name");
        }
        Objects.requireNonNull(kind, "kind");
        baseUrl = baseUrl == null || baseUrl.isBlank() ? kind.defaultBaseUrl() : baseUrl.strip().replaceAll("/+$", "");
        if (baseUrl == null) {
            throw new IllegalArgumentException(
                    "provider " + name + " (" + kind.wireName() + ") has no public endpoint: set its base URL");
        }
        // Fails at start-up, not on the first call, when the URL is not one.
        String scheme = URI.create(baseUrl).getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException(
                    "the base URL of provider " + name + " must be http or https: " + baseUrl);
        }
        keys = keys == null ? KeySupplier.none() : keys;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        healthTimeout = healthTimeout == null ? DEFAULT_HEALTH_TIMEOUT : healthTimeout;
        maxTokens = answerLimit != null ? answerLimit : maxTokens > 0 ? maxTokens : DEFAULT_MAX_TOKENS;
    }

    /** The answer budget to send for a request that asks for {@code asked} tokens (null: it sets none). */
    public Integer answerTokens(Integer asked) {
        if (answerLimit == null) {
            return asked;
        }
        return asked == null ? answerLimit : Math.min(asked, answerLimit);
    }

    /** The defaults for everything but where the provider is and which key to use. */
    public static ProviderSettings of(String name, ProviderKind kind, String baseUrl, KeySupplier keys) {
        return new ProviderSettings(name, kind, baseUrl, keys, null, null, null, null, null, 0, null);
    }

    public ProviderSettings withDefaultModel(String model) {
        return new ProviderSettings(name, kind, baseUrl, keys, model, connectTimeout, timeout, healthTimeout,
                apiVersion, maxTokens, answerLimit);
    }

    public ProviderSettings withTimeouts(Duration connect, Duration call, Duration health) {
        return new ProviderSettings(name, kind, baseUrl, keys, defaultModel, connect, call, health, apiVersion,
                maxTokens, answerLimit);
    }

    public ProviderSettings withApiVersion(String version) {
        return new ProviderSettings(name, kind, baseUrl, keys, defaultModel, connectTimeout, timeout, healthTimeout,
                version, maxTokens, answerLimit);
    }

    public ProviderSettings withMaxTokens(int tokens) {
        return new ProviderSettings(name, kind, baseUrl, keys, defaultModel, connectTimeout, timeout, healthTimeout,
                apiVersion, tokens, answerLimit);
    }

    public ProviderSettings withAnswerLimit(Integer limit) {
        return new ProviderSettings(name, kind, baseUrl, keys, defaultModel, connectTimeout, timeout, healthTimeout,
                apiVersion, maxTokens, limit);
    }
}
