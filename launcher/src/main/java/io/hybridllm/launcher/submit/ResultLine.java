package io.hybridllm.launcher.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.json.Json;

/** A line of the results file, as the native batch API writes it: {@code line}, {@code id}, status, answer, cost. */
final class ResultLine {

    static ObjectNode of(int line, String id, LlmReply reply) {
        ObjectNode result = Json.mapper().createObjectNode().put("line", line).put("id", id).put("status",
                reply.status() == LlmReply.Status.SUCCEEDED ? "succeeded" : "failed");
        if (reply.answer() != null) {
            result.put("answer", reply.answer());
        }
        if (reply.error() != null) {
            result.set("error", Json.mapper().valueToTree(reply.error()));
        }
        if (reply.tier() != null) {
            result.put("tier", reply.tier().wireName());
        }
        result.put("provider", reply.provider()).put("model", reply.model());
        result.set("usage", Json.mapper().valueToTree(reply.usage()));
        result.put("cost_usd", reply.costUsd());
        return result;
    }

    /** A request the job gave up on (no reply by its deadline) or could not submit. */
    static ObjectNode noReply(int line, String id, String why) {
        ObjectNode result = Json.mapper().createObjectNode().put("line", line).put("id", id).put("status", "no_reply");
        result.putObject("error").put("message", why);
        return result;
    }

    /** A line that is no request; it was never submitted. */
    static ObjectNode invalid(int line, String why) {
        ObjectNode result = Json.mapper().createObjectNode().put("line", line).put("status", "invalid");
        result.putObject("error").put("message", why);
        return result;
    }

    static boolean succeeded(String resultJson) {
        return resultJson.contains("\"status\":\"succeeded\"");
    }

    private ResultLine() {
    }
}
