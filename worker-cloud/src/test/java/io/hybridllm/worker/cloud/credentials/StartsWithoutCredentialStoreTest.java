package io.hybridllm.worker.cloud.credentials;

import static io.hybridllm.worker.cloud.ProviderChainResource.GPT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.support.FreePorts;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The credential store is on but its PostgreSQL is down at startup: the worker starts anyway, live but not ready, and
 * answers with the keys from the environment; once the database comes up it migrates the store and becomes ready.
 */
@QuarkusTest
@TestProfile(StartsWithoutCredentialStoreTest.StoreDown.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = ProviderChainResource.class, initArgs = @ResourceArg(name = "HYBRID_CREDENTIALS_MASTER_KEY", value = StoredKeys.MASTER_KEY))
class StartsWithoutCredentialStoreTest {

    /** The store's database is on a free port where nothing listens yet; the test starts a server there later. */
    public static class StoreDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.cloud.credentials.store", "postgresql", "quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://localhost:" + FreePorts.next() + "/postgres", "quarkus.datasource.username",
                    "postgres", "quarkus.datasource.password", "postgres");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @Inject
    Flyway flyway;

    @Test
    void servesWithTheEnvironmentsKeysUntilTheStoreComesThenBecomesReady() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503).body(containsString("credential store database"),
                containsString("waiting for migrations"));

        RoutedRequest routed = Requests.chain("store-down-1", new Target("openai", GPT));
        KafkaProbe kafka = KafkaProbe.shared();
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));
        LlmReply reply = Json.read(kafka.awaitKey(Topics.REPLIES, routed.id(), Published.WAIT).value(), LlmReply.class);
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);

        int port = URI.create(databaseUrl.substring("jdbc:".length())).getPort();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(port)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200).body(
                            "checks.find { it.name == 'startup dependencies' }.data.'credential store database'",
                            equalTo("ready")));
            assertThat(flyway.info().applied()).isNotEmpty();
        }
    }
}
