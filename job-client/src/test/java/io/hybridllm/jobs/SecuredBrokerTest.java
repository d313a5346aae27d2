package io.hybridllm.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 * On a broker that authenticates (as {@code ./hybrid up} runs it), the tenant's own principal, with exactly the grants
 * of {@link KafkaAccess#tenantGrants}, can do all the job client does; and it cannot read the alerts topic.
 */
class SecuredBrokerTest {

    private static EmbeddedKafka broker;
    private static SaslScram acme;

    @BeforeAll
    static void start() {
        broker = EmbeddedKafka.startSecured(FreePorts.next());
        List<Topics.TopicSpec> topics = new ArrayList<>(Topics.ALL);
        topics.add(new Topics.TopicSpec(Topics.tenantRequests("acme"), 3, Duration.ofDays(1), false));
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
    void theTenantsPrincipalCannotReadTheAlertsOfEveryTenant() {
        var config = new java.util.HashMap<String, Object>(acme.clientConfig());
        config.put("bootstrap.servers", broker.bootstrapServers());
        try (JobAlerts alerts = JobAlerts.open(config, "acme", Duration.ofMinutes(1), alert -> {
        })) {
            JobClientTest.awaitTrue(() -> alerts.failure() != null);
            assertThat(alerts.failure()).contains("llm.alerts");
        } catch (org.apache.kafka.common.errors.TopicAuthorizationException refusedAtOnce) {
            assertThat(refusedAtOnce).hasMessageContaining("llm.alerts");
        }
        assertThat(Instant.now()).isNotNull();
    }
}
