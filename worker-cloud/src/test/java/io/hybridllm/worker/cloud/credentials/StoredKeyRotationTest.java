package io.hybridllm.worker.cloud.credentials;

import static io.hybridllm.worker.cloud.ProviderChainResource.GPT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Attempt;
import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;
import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.RoutedRequest;
import io.hybridllm.contracts.Target;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.kafka.Published;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.hybridllm.worker.cloud.LogCapture;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Two stored keys for OpenAI, the first revoked: the first call is refused with 401, the key is retired in the database
 * (so every instance stops using it) and the second key serves. Neither value appears in any captured log record,
 * reply, usage, control or audit event, the metrics, health, the admin API's answers or the database.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = StoredKeyRotationTest.DB))
@WithTestResource(value = ProviderChainResource.class, initArgs = {
        @ResourceArg(name = "hybrid.cloud.providers.openai.api-key", value = ""),
        // No key from the environment: a variable no test sets.
        @ResourceArg(name = "policy", value = """
                [providers.openai]
                api_key_env = "OPENAI_KEY_UNSET_IN_TESTS"
                """), @ResourceArg(name = "HYBRID_CREDENTIALS_MASTER_KEY", value = StoredKeys.MASTER_KEY),
        @ResourceArg(name = "quarkus.log.category.\"io.hybridllm\".level", value = "DEBUG") })
class StoredKeyRotationTest {

    static final String DB = "credentials_rotation";
    private static final String REVOKED = "sk-stored-revoked-8080";
    private static final String GOOD = ProviderChainResource.KEYS.get("openai");
    private static final KafkaProbe kafka = KafkaProbe.shared();

    private static String send(String id) {
        RoutedRequest routed = Requests.chain(id, new Target("openai", GPT));
        kafka.send(Topics.TIER_CLOUD, routed.id(), Json.write(routed));
        return kafka.awaitKey(Topics.REPLIES, id, Published.WAIT).value();
    }

    @Test
    void aRevokedStoredKeyIsRetiredInTheStoreAndTheNextServesWithoutAnyValueLeaking() {
        List<String> answers = new ArrayList<>();
        try (LogCapture logs = LogCapture.install()) {
            answers.add(StoredKeys.admin().body(StoredKeys.body(REVOKED)).put("/v1/credentials/openai/revoked-1").then()
                    .statusCode(201).extract().asString());
            answers.add(StoredKeys.admin().body(StoredKeys.body(GOOD)).put("/v1/credentials/openai/good-2").then()
                    .statusCode(201).extract().asString());

            String rawFirst = send("stored-rotation-1");
            LlmReply first = Json.read(rawFirst, LlmReply.class);
            assertThat(first.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
            assertThat(first.attempts()).extracting(Attempt::errorCode).containsExactly(ErrorCode.AUTHENTICATION, null);
            assertThat(first.attempts().get(0).detail()).startsWith("on openai with key store:openai/revoked-1: ");
            assertThat(first.attempts().get(1).detail()).isEqualTo("on openai with key store:openai/good-2");

            // Retired in the store, with the reason, for every instance; the admin sees it.
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(StoredKeys.rawRows(DB)).anyMatch(row -> row.contains("revoked-1")
                            && row.contains("retired") && row.contains("refused by openai with HTTP 401")));
            String listed = StoredKeys.admin().get("/v1/credentials").then().statusCode(200).extract().asString();
            answers.add(listed);
            assertThat(listed).contains("\"retired_reason\":\"refused by openai with HTTP 401\"");

            String rawSecond = send("stored-rotation-2");
            assertThat(Json.read(rawSecond, LlmReply.class).attempts()).singleElement().satisfies(
                    attempt -> assertThat(attempt.detail()).isEqualTo("on openai with key store:openai/good-2"));
            answers.add(StoredKeys.admin().delete("/v1/credentials/openai/good-2").then().statusCode(200).extract()
                    .asString());

            List<String> usage = kafka.awaitAll(Topics.USAGE, record -> {
                String request = Json.read(record.value(), UsageEvent.class).requestId();
                return request.startsWith("stored-rotation-");
            }, 3, Published.WAIT).stream().map(ConsumerRecord::value).toList();
            List<AuditEvent> audit = kafka
                    .awaitAll(Topics.AUDIT,
                            record -> record.value().contains("store:openai/revoked-1")
                                    || record.value().contains("store:openai/good-2"),
                            4, Published.WAIT)
                    .stream().map(record -> Json.read(record.value(), AuditEvent.class)).toList();
            assertThat(audit).extracting(AuditEvent::action).containsExactlyInAnyOrder(AuditEvent.Action.KEY_CREATED,
                    AuditEvent.Action.KEY_CREATED, AuditEvent.Action.KEY_REVOKED, AuditEvent.Action.KEY_REVOKED);
            List<String> control = kafka.awaitAll(Topics.CONTROL_HEALTH, record -> true, 1, Published.WAIT).stream()
                    .map(ConsumerRecord::value).toList();
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            String health = given().get("/q/health").then().extract().asString();
            List<String> rows = StoredKeys.rawRows(DB);

            for (String secret : List.of(REVOKED, GOOD)) {
                for (String form : StoredKeys.forms(secret)) {
                    assertThat(rows).noneMatch(row -> row.contains(form));
                }
                assertThat(List.of(rawFirst, rawSecond, metrics, health)).noneMatch(text -> text.contains(secret));
                assertThat(answers).noneMatch(answer -> answer.contains(secret));
                assertThat(usage).noneMatch(event -> event.contains(secret));
                assertThat(control).noneMatch(event -> event.contains(secret));
                assertThat(audit).noneMatch(event -> Json.write(event).contains(secret));
                assertThat(logs.lines()).noneMatch(line -> line.contains(secret));
            }
            // The capture works: the retirement was logged, by key id.
            assertThat(logs.lines())
                    .anyMatch(line -> line.contains("retired") && line.contains("store:openai/revoked-1"));
        }
    }
}
