package io.hybridllm.launcher.attack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.Topics;

/**
 * The attacker on the broker, with its own tenant's credentials: forged records on every topic of the system (a mode
 * switch, a reply, usage, an alert, a request or feedback in the victim's name, an outcome) and a read of the victim's
 * replies. Each must be refused by the broker itself (an authorization error), whatever the services would have made of
 * it.
 */
final class KafkaAttacks {

    private final Map<String, Object> attackerClient;
    private final Tenant attacker;
    private final Tenant victim;

    KafkaAttacks(Map<String, Object> attackerClient, Tenant attacker, Tenant victim) {
        this.attackerClient = attackerClient;
        this.attacker = attacker;
        this.victim = victim;
    }

    List<Attempt> all() {
        Map<String, String> forgeries = new LinkedHashMap<>();
        String now = Instant.now().toString();
        String lifted = "{\"type\":\"mode_switch\",\"schema_version\":1,\"id\":\"" + UUID.randomUUID()
                + "\",\"scope\":\"tenant:" + attacker.id() + "\",\"mode\":\"api-heavy\",\"reason\":\"forged\",\"at\":\""
                + now + "\"}";
        // On its own topic, and on the others in case a reader did not check where a kind belongs.
        Topics.CONTROL_TOPICS.forEach(topic -> forgeries.put(topic, lifted));
        forgeries.put(Topics.REPLIES, "{\"schema_version\":1,\"request_id\":\"forged\",\"tenant\":\"" + victim.id()
                + "\",\"status\":\"SUCCEEDED\",\"text\":\"forged\",\"completed_at\":\"" + now + "\"}");
        forgeries.put(Topics.USAGE, "{\"schema_version\":1,\"tenant\":\"" + victim.id() + "\",\"cost_usd\":1000}");
        String pause = "{\"type\":\"budget\",\"tenant\":\"" + victim.id() + "\",\"level\":\"PAUSE\"}";
        for (String alerts : List.of(Topics.ALERTS, Topics.EVERYONE_ALERTS, Topics.tenantAlerts(victim.id()))) {
            forgeries.put(alerts, pause);
        }
        String onTheVictimsBill = "{\"schema_version\":1,\"id\":\"forged-" + UUID.randomUUID() + "\",\"tenant\":\""
                + victim.id() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"on the victim's bill\"}]}";
        forgeries.put(Topics.REQUESTS, onTheVictimsBill);
        forgeries.put(Topics.tenantRequests(victim.id()), onTheVictimsBill);
        // Feedback that would teach the router to send the victim's requests elsewhere.
        forgeries.put(Topics.tenantFeedback(victim.id()),
                "{\"schema_version\":1,\"request_id\":\"forged\",\"score\":0,\"comment\":\"forged\"}");
        forgeries.put(Topics.OUTCOMES, "{\"schema_version\":1,\"request_id\":\"forged\",\"tenant\":\"" + victim.id()
                + "\",\"source\":\"feedback\",\"routed_tier\":\"local-fast\",\"feedback_score\":0}");
        List<Attempt> attempts = new ArrayList<>();
        forgeries.forEach((topic, record) -> attempts.add(forged(topic, record)));
        attempts.add(read("another tenant's replies", ReplyTopics.withDefaultPrefix().prefixFor(victim.id()) + "jobs"));
        attempts.add(read("another tenant's alerts", Topics.tenantAlerts(victim.id())));
        attempts.add(read("every tenant's spend", Topics.ALERTS));
        return attempts;
    }

    private Attempt forged(String topic, String record) {
        String name = "forged record on " + topic + " with a tenant's Kafka credentials";
        Map<String, Object> config = new HashMap<>(attackerClient);
        config.put("max.block.ms", 15_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, attacker.id(), record)).get(30, TimeUnit.SECONDS);
            return Attempt.of(name, false, "the broker accepted it");
        } catch (ExecutionException e) {
            return refusal(name, e.getCause());
        } catch (Exception e) {
            return refusal(name, e);
        }
    }

    private Attempt read(String what, String topic) {
        String name = "read " + what + " (" + topic + ")";
        Map<String, Object> config = new HashMap<>(attackerClient);
        config.put("group.id", ReplyTopics.withDefaultPrefix().prefixFor(attacker.id()) + "snoop");
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            for (int i = 0; i < 10; i++) {
                consumer.poll(Duration.ofMillis(500));
            }
            return Attempt.of(name, false, "the broker let it subscribe and poll");
        } catch (RuntimeException e) {
            return refusal(name, e);
        }
    }

    private static Attempt refusal(String name, Throwable failure) {
        boolean refused = failure instanceof AuthorizationException;
        return Attempt.of(name, refused,
                refused ? "refused by the broker: " + failure.getMessage() : "failed otherwise: " + failure);
    }
}
