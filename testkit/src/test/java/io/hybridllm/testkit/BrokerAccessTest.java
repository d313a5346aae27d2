package io.hybridllm.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.KafkaAccess;
import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.contracts.Topics;
import io.hybridllm.testkit.kafka.BrokerAccess;
import io.hybridllm.testkit.kafka.EmbeddedKafka;
import io.hybridllm.testkit.kafka.SaslScram;
import io.hybridllm.testkit.kafka.TopicAdmin;
import io.hybridllm.testkit.support.FreePorts;

/**
 * On a secured broker, each principal can do what {@link KafkaAccess} grants it and nothing else: a tenant cannot write
 * the system's topics or read another tenant's replies, a worker cannot raise alerts, and a client without credentials
 * gets nothing.
 */
class BrokerAccessTest {

    private static final String PREFIX = ReplyTopics.DEFAULT_PREFIX;

    private static EmbeddedKafka broker;
    private static SaslScram acme;
    private static SaslScram workerLocal;
    private static SaslScram router;
    private static SaslScram cost;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafka.startSecured(FreePorts.next());
        TopicAdmin.createAll(broker, Topics.ALL);
        TopicAdmin.createAll(broker,
                List.of(new Topics.TopicSpec(PREFIX + "acme.jobs", 1, Duration.ofDays(1), false),
                        new Topics.TopicSpec(PREFIX + "globex.jobs", 1, Duration.ofDays(1), false),
                        new Topics.TopicSpec(Topics.tenantRequests("acme"), 1, Duration.ofDays(1), false),
                        new Topics.TopicSpec(Topics.tenantRequests("globex"), 1, Duration.ofDays(1), false)));
        acme = BrokerAccess.addPrincipal(broker, KafkaAccess.tenantPrincipal("acme"),
                KafkaAccess.tenantGrants("acme", PREFIX));
        workerLocal = BrokerAccess.addPrincipal(broker, KafkaAccess.Service.WORKER_LOCAL.principal(),
                KafkaAccess.grants(KafkaAccess.Service.WORKER_LOCAL, PREFIX));
        router = BrokerAccess.addPrincipal(broker, KafkaAccess.Service.ROUTER.principal(),
                KafkaAccess.grants(KafkaAccess.Service.ROUTER, PREFIX));
        cost = BrokerAccess.addPrincipal(broker, KafkaAccess.Service.COST.principal(),
                KafkaAccess.grants(KafkaAccess.Service.COST, PREFIX));
        try (KafkaProducer<String, String> admin = producer(broker.adminClientConfig())) {
            admin.send(new ProducerRecord<>(PREFIX + "acme.jobs", "r-1", "for acme")).get(30, TimeUnit.SECONDS);
            admin.send(new ProducerRecord<>(PREFIX + "globex.jobs", "r-2", "for globex")).get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aTenantWritesItsOwnRequestTopicAndNoOtherTopic() throws Exception {
        send(acme, Topics.tenantRequests("acme"));
        for (String topic : List.of(Topics.CONTROL_POLICY, Topics.CONTROL_MODES, Topics.CONTROL_HEALTH, Topics.REPLIES,
                Topics.USAGE, Topics.REQUESTS, Topics.ALERTS, Topics.tenantRequests("globex"), PREFIX + "acme.jobs")) {
            assertThatThrownBy(() -> send(acme, topic)).as(topic).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aTenantReadsItsOwnRepliesButNotAnothersNorInAForeignGroup() {
        assertThat(read(acme, PREFIX + "acme.jobs", PREFIX + "acme.reader")).contains("for acme")
                .doesNotContain("for globex");
        assertThatThrownBy(() -> read(acme, PREFIX + "globex.jobs", PREFIX + "acme.reader"))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read(acme, PREFIX + "acme.jobs", "worker-local-fast"))
                .isInstanceOf(GroupAuthorizationException.class);
    }

    @Test
    void aServiceWritesItsTopicsOnly() throws Exception {
        send(workerLocal, Topics.USAGE);
        send(workerLocal, Topics.TIER_LOCAL_QUALITY); // escalation from local-fast
        send(workerLocal, Topics.TIER_CLOUD);
        send(workerLocal, PREFIX + "acme.jobs");
        assertThatThrownBy(() -> send(workerLocal, Topics.ALERTS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(workerLocal, Topics.REQUESTS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TopicAuthorizationException.class);
    }

    /** Only the cost service switches modes, only the router publishes policies, only workers report health. */
    @Test
    void eachControlTopicHasOneWriter() throws Exception {
        send(cost, Topics.CONTROL_MODES);
        send(router, Topics.CONTROL_POLICY);
        send(workerLocal, Topics.CONTROL_HEALTH);
        Map<SaslScram, List<String>> forgeries = Map.of(workerLocal,
                List.of(Topics.CONTROL_MODES, Topics.CONTROL_POLICY), router,
                List.of(Topics.CONTROL_MODES, Topics.CONTROL_HEALTH), cost,
                List.of(Topics.CONTROL_POLICY, Topics.CONTROL_HEALTH));
        forgeries.forEach(
                (forger, topics) -> topics.forEach(topic -> assertThatThrownBy(() -> send(forger, topic)).as(topic)
                        .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TopicAuthorizationException.class)));
    }

    /** The autoscaler's and the exporter's principal sees a group's lag, and no record. */
    @Test
    void theLagReaderSeesPositionsButNoRecord() throws Exception {
        SaslScram lagReader = BrokerAccess.addPrincipal(broker, KafkaAccess.LAG_READER, KafkaAccess.lagReaderGrants());
        // A group of its own: the other tests' groups have read, or will read, the topic from its start.
        assertThat(read(acme, PREFIX + "acme.jobs", PREFIX + "acme.lag-probe")).isNotEmpty();
        try (Admin admin = Admin.create(clientOf(lagReader))) {
            assertThat(admin.listConsumerGroupOffsets(PREFIX + "acme.lag-probe").partitionsToOffsetAndMetadata().get(30,
                    TimeUnit.SECONDS)).isNotEmpty();
            TopicPartition jobs = new TopicPartition(PREFIX + "acme.jobs", 0);
            assertThat(admin.listOffsets(Map.of(jobs, OffsetSpec.latest())).partitionResult(jobs)
                    .get(30, TimeUnit.SECONDS).offset()).isPositive();
        }
        assertThatThrownBy(() -> read(lagReader, PREFIX + "acme.jobs", "lag-reader"))
                .isInstanceOfAny(TopicAuthorizationException.class, GroupAuthorizationException.class);
        // Refused when the idempotent producer asks for its id (it may write nowhere): the send fails, or throws at
        // once when the refusal came first, as "in an error state" with the refusal as its cause.
        assertThatThrownBy(() -> send(lagReader, Topics.REQUESTS)).hasRootCauseInstanceOf(AuthorizationException.class);
    }

    @Test
    void aClientWithoutCredentialsGetsNothing() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", broker.bootstrapServers(), "max.block.ms", 3_000);
        try (KafkaProducer<String, String> producer = producer(anonymous)) {
            assertThatThrownBy(
                    () -> producer.send(new ProducerRecord<>(Topics.REQUESTS, "k", "v")).get(10, TimeUnit.SECONDS))
                            .isNotNull();
        }
    }

    private static void send(SaslScram principal, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = producer(clientOf(principal))) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> read(SaslScram principal, String topic, String group) {
        Map<String, Object> config = new HashMap<>(clientOf(principal));
        config.put("group.id", group);
        config.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    return java.util.stream.StreamSupport.stream(records.spliterator(), false).map(r -> r.value())
                            .toList();
                }
            }
            return List.of();
        }
    }

    private static Map<String, Object> clientOf(SaslScram principal) {
        Map<String, Object> config = new HashMap<>(principal.clientConfig());
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("max.block.ms", 10_000);
        return config;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> config) {
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }
}
