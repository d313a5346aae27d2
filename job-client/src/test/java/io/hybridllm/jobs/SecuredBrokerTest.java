package io.hybridllm.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.KafkaAccess;
import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.BrokerAccess;
import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.kafka.SaslScram;
import io.hybridllm.testkit.kafka.TopicAdmin;
import io.hybridllm.testkit.support.FreePorts;

/**
 * On a broker that authenticates (as {@code ./hybrid up} runs it), the tenant's own principal, with exactly the grants
 * of {@link KafkaAccess#tenantGrants}, can do all the job client does, its alerts included; and it cannot read the
 * operator's alerts topic, which holds every tenant's spend, nor another tenant's alerts.
 */
class SecuredBrokerTest {

    private static EmbeddedKafka broker;
    private static SaslScram acme;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.startSecured(FreePorts.next());
        List<Topics.TopicSpec> topics = new ArrayList<>(Topics.ALL);
        topics.add(new Topics.TopicSpec(Topics.tenantRequests("acme"), 3, Duration.ofDays(1), false));
        // As the cost service makes them, with each tenant's first alert.
        topics.add(new Topics.TopicSpec(Topics.tenantAlerts("acme"), 1, Duration.ofDays(1), false));
        topics.add(new Topics.TopicSpec(Topics.tenantAlerts("globex"), 1, Duration.ofDays(1), false));
        TopicAdmin.createAll(broker, topics);
        acme = BrokerAccess.addPrincipal(broker, KafkaAccess.tenantPrincipal("acme"),
                KafkaAccess.tenantGrants("acme", ReplyTopics.DEFAULT_PREFIX));
        awaitCredentialsKnown();
    }

    /** A new SCRAM credential reaches the broker's authenticator a moment after it is stored. */
    private static void awaitCredentialsKnown() {
        var config = new java.util.HashMap<String, Object>(acme.clientConfig());
        config.put("bootstrap.servers", broker.bootstrapServers());
        JobClientTest.awaitTrue(() -> {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
                admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void theTenantsPrincipalSubmitsAndReadsRepliesOfItsOwn() throws Exception {
        JobClientConfig config = JobClientConfig.builder(broker.bootstrapServers(), "acme", "secured")
                .kafka(acme.clientConfig()).build();
        // The system's side as the administrator: it creates the reply topic with its first reply, as workers do.
        try (var system = new FakeSystem(broker.adminClientConfig(), config.requestTopic(), 1, 10);
                var client = JobClient.open(config)) {
            var replies = List.of(client.submit(Requests.of("acme", "s-1")), client.submit(Requests.of("acme", "s-2")));

            for (var reply : replies) {
                assertThat(reply.get(60, TimeUnit.SECONDS).status())
                        .isEqualTo(io.hybridllm.contracts.LlmReply.Status.SUCCEEDED);
            }
        }
    }

    @Test
    void theTenantsPrincipalReadsItsOwnAlertsAndNoOneElses() {
        var admin = new java.util.HashMap<String, Object>(broker.adminClientConfig());
        try (var producer = new KafkaProducer<>(admin, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.tenantAlerts("acme"), "acme", Json.write(pause("acme"))));
            producer.send(new ProducerRecord<>(Topics.tenantAlerts("globex"), "globex", Json.write(pause("globex"))));
            producer.send(new ProducerRecord<>(Topics.ALERTS, "globex", Json.write(pause("globex"))));
        }
        var config = new java.util.HashMap<String, Object>(acme.clientConfig());
        config.put("bootstrap.servers", broker.bootstrapServers());
        try (JobAlerts alerts = JobAlerts.open(config, "acme", Duration.ofMinutes(1), alert -> {
        })) {
            JobClientTest.awaitTrue(alerts::paused);
            assertThat(alerts.failure()).isNull();
        }
        for (String foreign : List.of(Topics.ALERTS, Topics.tenantAlerts("globex"))) {
            try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(List.of(new TopicPartition(foreign, 0)));
                consumer.seekToBeginning(consumer.assignment());
                assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10))).as(foreign)
                        .isInstanceOf(TopicAuthorizationException.class);
            }
        }
    }

    private static Alert pause(String tenant) {
        return new Alert.Budget(SchemaVersion.CURRENT, UUID.randomUUID().toString(), tenant, Alert.Level.PAUSE, "day",
                BigDecimal.TEN, BigDecimal.TEN, BigDecimal.TEN, 100, Instant.now());
    }
}
