package io.hybridllm.launcher.dlq;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;

/**
 * Sends dead letters back to the topics they came from, each with an audit entry on {@value Topics#AUDIT} (replayed or
 * skipped, and why). A request is skipped when it was in fact answered (a reply with its id on
 * {@value Topics#REPLIES}), so that it is not paid for twice; when it is older than that topic keeps replies, so that
 * no one can tell; and any record already replayed once (its audit entry), so that running a replay twice sends nothing
 * twice.
 */
final class Replayer {

    /** What became of one dead letter. */
    record Outcome(DeadLetter letter, boolean replayed, String why) {
    }

    private static final Duration REPLIES_KEPT = Topics.ALL.stream().filter(spec -> spec.name().equals(Topics.REPLIES))
            .findFirst().orElseThrow().retention();

    private final Map<String, Object> kafka;
    private final String actor;

    Replayer(Map<String, Object> kafka, String actor) {
        this.kafka = kafka;
        this.actor = actor;
    }

    List<Outcome> replay(List<DeadLetter> letters, Instant now) throws Exception {
        Set<String> requestIds = letters.stream().filter(DeadLetter::isRequest).map(DeadLetter::key)
                .collect(Collectors.toSet());
        Set<String> answered = DeadLetters.keysWhere(kafka, Topics.REPLIES, r -> requestIds.contains(r.key()));
        Set<String> addresses = letters.stream().map(DeadLetter::address).collect(Collectors.toSet());
        Set<String> replayedBefore = DeadLetters.keysWhere(kafka, Topics.AUDIT, r -> addresses.contains(r.key())
                && r.value() != null && r.value().contains("\"dead_letter_replayed\""));
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Object> props = new HashMap<>(kafka);
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (DeadLetter letter : letters) {
                Outcome outcome = decide(letter, answered, replayedBefore, now);
                if (outcome.replayed()) {
                    producer.send(back(letter)).get(30, TimeUnit.SECONDS);
                }
                producer.send(new ProducerRecord<>(Topics.AUDIT, letter.address(), Json.write(audit(outcome, now))))
                        .get(30, TimeUnit.SECONDS);
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    private static Outcome decide(DeadLetter letter, Set<String> answered, Set<String> replayedBefore, Instant now) {
        if (replayedBefore.contains(letter.address())) {
            return new Outcome(letter, false, "replayed before (see " + Topics.AUDIT + ")");
        }
        if (letter.isRequest() && answered.contains(letter.key())) {
            return new Outcome(letter, false, "request " + letter.key() + " was answered (a reply on " + Topics.REPLIES
                    + "): replaying it would pay for it twice");
        }
        if (letter.isRequest() && letter.age(now).compareTo(REPLIES_KEPT) > 0) {
            return new Outcome(letter, false, "older than " + Topics.REPLIES + " keeps replies ("
                    + REPLIES_KEPT.toDays() + " days): whether it was answered cannot be told");
        }
        return new Outcome(letter, true, "sent back to " + letter.originalTopic());
    }

    /** The record as it was, without the dead-letter headers, marked with where it was replayed from. */
    private static ProducerRecord<String, String> back(DeadLetter letter) {
        ProducerRecord<String, String> record = new ProducerRecord<>(letter.originalTopic(), letter.key(),
                letter.value());
        for (Header header : letter.record().headers()) {
            if (!header.key().startsWith("dead-letter-")) {
                record.headers().add(header);
            }
        }
        record.headers().add("replayed-from", letter.address().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private AuditEvent audit(Outcome outcome, Instant now) {
        DeadLetter letter = outcome.letter();
        return new AuditEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), letter.address(),
                outcome.replayed() ? AuditEvent.Action.DEAD_LETTER_REPLAYED : AuditEvent.Action.DEAD_LETTER_SKIPPED,
                actor, "hybrid dlq replay", null, null, List.of(),
                outcome.why() + "; key " + letter.key() + ", reason: " + letter.reason(), now);
    }
}
