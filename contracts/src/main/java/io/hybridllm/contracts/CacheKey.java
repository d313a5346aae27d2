package io.hybridllm.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.json.Json;

/**
 * The response cache's key of a request: the one definition of what makes two requests the same. It is the SHA-256 of
 * the request as it travels, with fields sorted, minus what cannot change the answer: its identity and delivery (id,
 * job, reply_to, callback, times, attempts), its priority, deadline and cache hint, the end user, and whether it
 * streams. Message contents are normalised (line ends, surrounding white space). Everything else counts, the tenant
 * included, so a field added to the request later makes keys differ rather than match wrongly. The context key is the
 * same without the messages: a semantic hit must share it.
 */
public final class CacheKey {

    private static final List<String> IDENTITY = List.of("schema_version", "id", "job_id", "reply_to", "callback_url",
            "submitted_at", "attempts");
    private static final List<String> HINTS_IGNORED = List.of("priority", "deadline", "cache");
    private static final List<String> OPTIONS_IGNORED = List.of("user", "stream");

    public record Keys(String exact, String context) {
    }

    public static Keys of(LlmRequest request) {
        ObjectNode tree = Json.mapper().valueToTree(request);
        IDENTITY.forEach(tree::remove);
        if (tree.get("hints") instanceof ObjectNode hints) {
            HINTS_IGNORED.forEach(hints::remove);
        }
        if (tree.get("options") instanceof ObjectNode options) {
            OPTIONS_IGNORED.forEach(options::remove);
        }
        JsonNode messages = tree.remove("messages");
        String context = sha256(canonical(tree));
        if (messages instanceof ArrayNode list) {
            for (JsonNode message : list) {
                if (message instanceof ObjectNode m && m.get("content") != null && m.get("content").isTextual()) {
                    m.put("content", normalised(m.get("content").asText()));
                }
            }
        }
        tree.set("messages", messages);
        return new Keys(sha256(canonical(tree)), context);
    }

    /** Line ends as LF, surrounding white space dropped: differences a model does not answer differently. */
    static String normalised(String content) {
        return content.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    /** The tree with every object's fields in name order, null fields left out, as compact JSON. */
    private static String canonical(JsonNode node) {
        return sorted(node).toString();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = Json.mapper().createObjectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (!value.isNull()) {
                    copy.set(name, sorted(value));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = Json.mapper().createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private CacheKey() {
    }
}
