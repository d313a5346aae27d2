package io.hybridllm.testkit.simulators;

import java.time.Duration;

import com.sun.net.httpserver.HttpExchange;

/**
 * A paid provider: it checks the API key in its own header, and can answer the next call with any of the troubles every
 * cloud API documents, each in that provider's own status, headers and body.
 */
public abstract class CloudSimulator extends ProviderSimulator {

    /** What can go wrong with a call, as every cloud provider documents it in its own way. */
    public enum Trouble {
        /** The key is refused. */
        UNAUTHORIZED,
        /** 429, with the provider's Retry-After or rate-limit reset information. */
        RATE_LIMITED,
        /** The provider is overloaded (503, or Anthropic's 529). */
        OVERLOADED, SERVER_ERROR,
        /** The prompt does not fit the model's context. */
        CONTEXT_TOO_LONG,
        /** The provider's content filter withholds the answer. */
        CONTENT_FILTERED
    }

    private final String apiKey;

    /** {@code apiKey} is the key callers must present, or null to accept any (or none). */
    protected CloudSimulator(int port, Duration latency, String apiKey) {
        super(port, latency);
        this.apiKey = apiKey;
    }

    /** The next call is answered with {@code trouble}, in the provider's documented shape. */
    public void next(Trouble trouble) {
        answerNextWith(trouble(trouble));
    }

    protected abstract Response trouble(Trouble trouble);

    /** The key the request presents, in the provider's header, or null. */
    protected abstract String presentedKey(HttpExchange exchange);

    /** The provider's answer to a wrong or missing key; {@code presented} may be null. */
    protected abstract Response unauthorized(String presented);

    /** One endpoint's answer, computed only once the key is accepted. */
    @FunctionalInterface
    protected interface Answer {
        Response get() throws Exception;
    }

    protected final Response authorized(HttpExchange exchange, Answer answer) throws Exception {
        String presented = presentedKey(exchange);
        if (apiKey != null && !apiKey.equals(presented)) {
            return unauthorized(presented);
        }
        return answer.get();
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    protected static String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    /** A key masked the way providers echo it: {@code sk-w****-999}. */
    protected static String masked(String key) {
        if (key == null || key.length() <= 8) {
            return "****";
        }
        return key.substring(0, 4) + "****" + key.substring(key.length() - 4);
    }
}
