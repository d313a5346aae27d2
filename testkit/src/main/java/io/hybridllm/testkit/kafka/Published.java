package io.hybridllm.testkit.kafka;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;

/** Reads what a worker published for a request: its reply, and the usage event of its provider call. */
public final class Published {

    public static final Duration WAIT = Duration.ofSeconds(30);

    public static LlmReply reply(KafkaProbe kafka, String topic, String requestId) {
        return kafka.awaitMessage(topic, requestId, LlmReply.class, WAIT);
    }

    /** Usage is keyed by tenant, so the event is found by its request id. */
    public static UsageEvent usageEvent(KafkaProbe kafka, String requestId) {
        return usageEvent(kafka, requestId, WAIT);
    }

    public static UsageEvent usageEvent(KafkaProbe kafka, String requestId, Duration wait) {
        return Json.read(usage(kafka, requestId, wait).value(), UsageEvent.class);
    }

    /** The usage record itself, for its key and headers. */
    public static ConsumerRecord<String, String> usage(KafkaProbe kafka, String requestId, Duration wait) {
        return kafka.await(Topics.USAGE,
                record -> requestId.equals(Json.read(record.value(), UsageEvent.class).requestId()), wait);
    }

    private Published() {
    }
}
