package io.hybridllm.worker.cloud.credentials;

import static io.hybridllm.worker.cloud.ProviderChainResource.GPT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.Target;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.hybridllm.testkit.simulators.OpenAiSimulator;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The admin API of the credential store: who may use it, what it refuses, and a key put over HTTP that is sealed in the
 * database and serves the next call. A key another instance puts straight into the table is used after a reload.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = CredentialApiTest.DB))
@WithTestResource(value = ProviderChainResource.class, initArgs = {
        @ResourceArg(name = "hybrid.cloud.providers.openai.api-key", value = ""),
        // No key from the environment: a variable no test sets.
        @ResourceArg(name = "policy", value = """
                [providers.openai]
                api_key_env = "OPENAI_KEY_UNSET_IN_TESTS"
                """), @ResourceArg(name = "hybrid.cloud.credentials.reload-interval", value = "1s"),
        @ResourceArg(name = "HYBRID_CREDENTIALS_MASTER_KEY", value = StoredKeys.MASTER_KEY) })
class CredentialApiTest {

    static final String DB = "credentials_api";
    private static final String GOOD = ProviderChainResource.KEYS.get("openai");

    @ProviderChainResource.Simulator
    OpenAiSimulator openai;

    @Test
    @Order(1)
    void onlyTheAdminMayListOrChangeKeys() {
        given().get("/v1/credentials").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(StoredKeys.body(GOOD))
                .put("/v1/credentials/openai/sneaky").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").delete("/v1/credentials/openai/sneaky").then().statusCode(401);
        assertThat(StoredKeys.rawRows(DB)).noneMatch(row -> row.contains("sneaky"));
    }

    @Test
    @Order(2)
    void badRequestsAreRefusedNamingWhatIsWrongWithoutRepeatingTheValue() {
        String value = "sk-refused-6060";
        StoredKeys.admin().body(StoredKeys.body(value)).put("/v1/credentials/nosuch/key-1").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:hybrid-llm:problem:unknown-provider"))
                .body("detail", containsString("no cloud provider nosuch is enabled in the policy in force"));
        StoredKeys.admin().body(StoredKeys.body(value)).put("/v1/credentials/anthropic/key-1").then().statusCode(409)
                .body("detail", containsString("hybrid.cloud.providers.anthropic.api-key"));
        StoredKeys.admin().body(StoredKeys.body(value)).put("/v1/credentials/openai/bad name!").then().statusCode(400)
                .body("field", equalTo("name"));
        for (String body : List.of("{\"value\": " + value + "}", "{\"value\": \"\"}", "{\"key\": \"" + value + "\"}",
                "\"" + value + "\"", "{\"value\": \"" + value + "\", \"extra\": 1}",
                "{\"value\": \"" + value + "\\u0007\"}")) {
            StoredKeys.admin().body(body).put("/v1/credentials/openai/key-1").then().statusCode(400)
                    .contentType("application/problem+json").body(not(containsString("refused-6060")));
        }
        StoredKeys.admin().delete("/v1/credentials/openai/never-put").then().statusCode(404);
        assertThat(StoredKeys.rawRows(DB)).isEmpty();
    }

    @Test
    @Order(3)
    void aKeyPutOverHttpIsSealedAndServesTheNextCall() {
        StoredKeys.admin().body(StoredKeys.body(GOOD)).put("/v1/credentials/openai/key-1").then().statusCode(201)
                .header("Location", endsWith("/v1/credentials/openai/key-1")).body("id", equalTo("store:openai/key-1"))
                .body("status", equalTo("active"))
                .body("fingerprint", equalTo(Fingerprints.of(GOOD.getBytes(StandardCharsets.UTF_8))))
                .body(not(containsString(GOOD)));

        List<String> rows = StoredKeys.rawRows(DB);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).contains("openai", "key-1", "active");
            StoredKeys.forms(GOOD).forEach(form -> assertThat(row).doesNotContain(form));
        });

        LlmReply reply = Requests.answer(Requests.chain("stored-1", new Target("openai", GPT)));
        assertThat(reply.status()).isEqualTo(LlmReply.Status.SUCCEEDED);
        assertThat(reply.attempts()).singleElement()
                .satisfies(attempt -> assertThat(attempt.detail()).isEqualTo("on openai with key store:openai/key-1"));
        assertThat(openai.lastRequest().header("Authorization")).isEqualTo("Bearer " + GOOD);

        StoredKeys.admin().get("/v1/credentials").then().statusCode(200).body("[0].id", equalTo("store:openai/key-1"))
                .body("[0].master_key_id",
                        equalTo(MasterKey.load(MasterKeyTest.NONE, name -> StoredKeys.MASTER_KEY).id()))
                .body(not(containsString(GOOD)));
    }

    @Test
    @Order(4)
    void aKeyAnotherInstancePutsIsUsedAfterTheNextReloadAndOneItRetiresIsDropped() {
        CredentialCipher cipher = new CredentialCipher(
                MasterKey.load(MasterKeyTest.NONE, name -> StoredKeys.MASTER_KEY));
        CredentialCipher.Sealed sealed = cipher.seal("openai", "elsewhere", GOOD);
        StoredKeys.execute(DB, "UPDATE provider_credentials SET status = 'retired', retired_at = now(), "
                + "retired_reason = 'test' WHERE provider = 'openai'");
        StoredKeys.execute(DB,
                "INSERT INTO provider_credentials (provider, key_name, ciphertext, nonce, master_key_id, "
                        + "fingerprint, status, created_at) VALUES ('openai', 'elsewhere', '\\x"
                        + HexFormat.of().formatHex(sealed.ciphertext()) + "', '\\x"
                        + HexFormat.of().formatHex(sealed.nonce()) + "', '" + sealed.masterKeyId()
                        + "', 'ffffffff', 'active', now())");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            LlmReply reply = Requests
                    .answer(Requests.chain("elsewhere-" + System.nanoTime(), new Target("openai", GPT)));
            assertThat(reply.attempts()).last().satisfies(
                    attempt -> assertThat(attempt.detail()).isEqualTo("on openai with key store:openai/elsewhere"));
        });
    }
}
