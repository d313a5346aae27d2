package io.hybridllm.ingest.examples;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A batch job that submits straight to Kafka, as docs/submitting.md describes: it needs only kafka-clients and Jackson,
 * not this project's jars. It produces one request per prompt to its tenant's own request topic
 * {@code requests.<tenant>} (key: the request id; the only topic a tenant's principal may write), and reads the replies
 * from its own reply_to topic, keeping the first reply per request id (delivery is at least once).
 * <p>
 * Run: {@code java KafkaJobExample.java localhost:9092 acme nightly-42 "What is 2+2?" "Name a prime"} with both jars on
 * the class path.
 */
public final class KafkaJobExample {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, JsonNode> replies = run(args[0], args[1], args[2], List.of(args).subList(3, args.length),
                Duration.ofMinutes(10));
        replies.forEach((id, reply) -> System.out.println(id + " " + reply.path("status").asText() + ": "
                + reply.path("answer").asText(reply.path("error").path("message").asText())));
    }

    /** Submits the prompts as job {@code jobId} and returns the reply to each, by request id, in prompt order. */
    public static Map<String, JsonNode> run(String bootstrapServers, String tenant, String jobId, List<String> prompts,
            Duration timeout) throws Exception {
        String replyTopic = "replies." + tenant + "." + jobId;
        createTopic(bootstrapServers, replyTopic);

        Map<String, JsonNode> replies = new LinkedHashMap<>();
        Properties producerProps = new Properties();
        producerProps.put("bootstrap.servers", bootstrapServers);
        producerProps.put("acks", "all"); // a request is sent once every in-sync replica has it
        producerProps.put("enable.idempotence", "true"); // a retried send is not written twice
        try (var producer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < prompts.size(); i++) {
                // A stable id: if the job is restarted and sends again, the system sees the same request.
                String id = jobId + "-" + i;
                replies.put(id, null);
                ObjectNode request = JSON.createObjectNode().put("schema_version", 1).put("id", id)
                        .put("tenant", tenant).put("job_id", jobId).put("task_type", "chat").put("reply_to", replyTopic)
                        .put("submitted_at", Instant.now().toString());
                request.putArray("messages").addObject().put("role", "user").put("content", prompts.get(i));
                request.putObject("hints").put("priority", "batch");
                var record = new ProducerRecord<>("requests." + tenant, id, JSON.writeValueAsString(request));
                record.headers().add("content-type", "application/json".getBytes()); // informative; not read
                producer.send(record).get(); // wait for the acknowledgement: now the request is accepted
            }
        }

        Properties consumerProps = new Properties();
        consumerProps.put("bootstrap.servers", bootstrapServers);
        consumerProps.put("group.id", tenant + "." + jobId); // a restarted job resumes where it left off
        consumerProps.put("auto.offset.reset", "earliest");
        consumerProps.put("enable.auto.commit", "false");
        try (var consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(replyTopic));
            Instant deadline = Instant.now().plus(timeout);
            while (replies.containsValue(null) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode reply = JSON.readTree(record.value());
                    String id = reply.path("request_id").asText();
                    // At least once: a reply may come twice (a worker restarted); the first one counts.
                    if (replies.containsKey(id) && replies.get(id) == null) {
                        replies.put(id, reply);
                    }
                }
                consumer.commitSync(); // after the replies are handled
            }
        }
        return replies;
    }

    private static void createTopic(String bootstrapServers, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            }
        }
    }

    private KafkaJobExample() {
    }
}
