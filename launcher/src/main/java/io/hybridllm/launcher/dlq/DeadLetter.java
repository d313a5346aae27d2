package io.hybridllm.launcher.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import io.hybridllm.contracts.Topics;

/**
 * A record on a dead-letter topic, as the services write them (SmallRye's dead-letter queue): the record as it was,
 * with why it was refused and where it came from in {@code dead-letter-*} headers.
 */
record DeadLetter(String dlqTopic, int partition, long offset, String key, String value, String reason,
        String originalTopic, Instant at, ConsumerRecord<String, String> record) {

    static DeadLetter of(ConsumerRecord<String, String> record) {
        String original = header(record, "dead-letter-topic");
        if (original == null) {
            original = record.topic().substring(0, record.topic().length() - Topics.DLQ_SUFFIX.length());
        }
        String reason = header(record, "dead-letter-reason");
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                reason == null ? "(no reason recorded)" : reason, original, Instant.ofEpochMilli(record.timestamp()),
                record);
    }

    /** How the record is named on the command line: {@code topic:partition:offset}. */
    String address() {
        return dlqTopic + ":" + partition + ":" + offset;
    }

    Duration age(Instant now) {
        return Duration.between(at, now);
    }

    /** Whether the record is a request (its key the request id), which a replay could have answered twice. */
    boolean isRequest() {
        return originalTopic.equals(Topics.REQUESTS) || originalTopic.startsWith(Topics.TENANT_REQUESTS_PREFIX)
                || originalTopic.equals(Topics.TIER_LOCAL_FAST) || originalTopic.equals(Topics.TIER_LOCAL_QUALITY)
                || originalTopic.equals(Topics.TIER_CLOUD);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
