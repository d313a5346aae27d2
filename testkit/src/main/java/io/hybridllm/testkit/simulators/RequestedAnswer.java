package io.hybridllm.testkit.simulators;

import io.hybridllm.contracts.json.Json;

/**
 * The answer a simulated model gives when the request shapes it, the same for every provider: JSON when JSON is asked
 * for, and the answer cut at the token budget when that is smaller than the answer. Each simulator says so in its own
 * provider's fields and finish reason.
 */
final class RequestedAnswer {

    private RequestedAnswer() {
    }

    /** The answer as a JSON object, which parses whatever the answer's text. */
    static String asJson(String answer) {
        return Json.write(Json.mapper().createObjectNode().put("answer", answer));
    }

    /** Whether {@code budget} (0 or less: none) is smaller than the answer. */
    static boolean overBudget(String answer, int budget) {
        return budget > 0 && ProviderSimulator.tokens(answer) > budget;
    }

    /** The answer cut to about {@code budget} tokens. */
    static String cut(String answer, int budget) {
        return answer.substring(0, Math.min(answer.length(), budget * 4));
    }
}
