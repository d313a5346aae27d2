package io.hybridllm.launcher.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;

/**
 * Malformed records for every topic a service consumes: invalid JSON, an unknown schema version, an oversized record (a
 * 300 kB id, far over the 128 characters allowed) and fields of the wrong type. Records on a topic with a dead-letter
 * topic must end there, with a reason; the others must simply not stop their consumers.
 */
final class Poison {

    /**
     * The consumed topics that have a dead-letter topic. Not {@code llm.outcomes}: under the suite's policy (the fixed
     * formula) the router leaves it unread, so nothing would dead-letter it; the router's {@code LearnedRoutingTest}
     * poisons it under a policy that learns. Nor tenants' {@code feedback.<tenant>} topics, whose refusals go to
     * {@code llm.outcomes.dlq}: ingest's {@code FeedbackTopicTest} poisons those, the suite's tenant having no Kafka
     * principal of its own here.
     */
    static final List<String> WITH_DLQ = List.of(Topics.REQUESTS, Topics.TIER_LOCAL_FAST, Topics.TIER_LOCAL_QUALITY,
            Topics.TIER_CLOUD, Topics.REPLIES, Topics.USAGE);
    /** Consumed topics without one: their readers skip what they cannot read. */
    static final List<String> WITHOUT_DLQ = List.of(Topics.CONTROL_POLICY, Topics.CONTROL_MODES, Topics.CONTROL_HEALTH,
            Topics.CANCELLATIONS);
    static final List<String> KINDS = List.of("invalid-json", "unknown-schema-version", "oversized", "wrong-types");

    private Poison() {
    }

    /** Produces every kind to every consumed topic; returns the keys sent per topic. */
    static Map<String, List<String>> produce(Map<String, Object> client, String run) {
        Properties props = new Properties();
        props.putAll(client);
        props.put("acks", "all");
        props.put("max.request.size", String.valueOf(2 * 1024 * 1024));
        Map<String, List<String>> sent = new LinkedHashMap<>();
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            List<Future<?>> sends = new ArrayList<>();
            for (String topic : concat(WITH_DLQ, WITHOUT_DLQ)) {
                for (String kind : KINDS) {
                    String key = "poison-" + run + "-" + kind;
                    sends.add(producer.send(new ProducerRecord<>(topic, key, record(kind, key))));
                    sent.computeIfAbsent(topic, t -> new ArrayList<>()).add(key);
                }
            }
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce the poison records: " + e, e);
        }
        return sent;
    }

    private static String record(String kind, String key) {
        ObjectNode valid = (ObjectNode) Json.mapper().valueToTree(new LlmRequest(0, key, "faults", null, null,
                List.of(ChatMessage.user("poison")), null, null, null, null, null, null));
        return switch (kind) {
            case "invalid-json" -> "{\"schema_version\":1,\"id\":\"" + key + "\",\"messages\":[{\"role\":";
            case "unknown-schema-version" -> valid.put("schema_version", 99).toString();
            case "oversized" -> valid.put("id", "x".repeat(300_000)).put("request_id", "x".repeat(300_000)).toString();
            case "wrong-types" -> valid.put("schema_version", "one").put("messages", 42).put("tenant", 7).toString();
            default -> throw new IllegalArgumentException("no poison of kind " + kind);
        };
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
