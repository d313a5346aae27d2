package io.hybridllm.ingest.startup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.postgres.EmbeddedPostgresServer;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.support.FreePorts;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Ingest starts while PostgreSQL is down, live but not ready, and migrates and becomes ready once it comes up. */
@QuarkusTest
@TestProfile(StartsWithoutDatabaseTest.DatabaseDown.class)
@WithTestResource(KafkaTestResource.class)
class StartsWithoutDatabaseTest {

    /** The database is on a free port where nothing listens yet; the test starts a server there later. */
    public static class DatabaseDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.url",
                    "jdbc:postgresql://localhost:" + FreePorts.next() + "/postgres", "quarkus.datasource.username",
                    "postgres", "quarkus.datasource.password", "postgres");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String databaseUrl;

    @Inject
    Flyway flyway;

    @Test
    void isLiveButNotReadyUntilTheDatabaseComesThenMigrates() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(503).body(containsString("database"),
                containsString("waiting for migrations"));
        // Requests that need the database meanwhile are told to come back, not that the service broke.
        given().get("/v1/requests/r-1").then().statusCode(503).header("Retry-After", "2");
        given().contentType("application/jsonl")
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n".getBytes(StandardCharsets.UTF_8))
                .post("/v1/request-batches").then().statusCode(503).header("Retry-After", "2");

        int port = URI.create(databaseUrl.substring("jdbc:".length())).getPort();
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(port)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200).body(
                            "checks.find { it.name == 'startup dependencies' }.data.'database'", equalTo("ready")));
            assertThat(flyway.info().applied()).isNotEmpty();
        }
    }
}
