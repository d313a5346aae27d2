package io.hybridllm.worker.cloud.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.Target;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.worker.cloud.ProviderChainResource;
import io.hybridllm.worker.cloud.Requests;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code hybrid.cloud.credentials.store=none} with a database URL that leads nowhere: the datasource, Hibernate ORM and
 * Flyway stay inactive, so the worker starts, needs no master key, and serves as before; the admin API says the store
 * is off.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = ProviderChainResource.class, initArgs = {
        @ResourceArg(name = "hybrid.cloud.credentials.store", value = "none"),
        @ResourceArg(name = "quarkus.datasource.jdbc.url", value = "jdbc:postgresql://127.0.0.1:1/nowhere") })
class CredentialStoreOffTest {

    @Test
    void theWorkerRunsWithoutItsDatabaseAndTheAdminApiSaysTheStoreIsOff() {
        StoredKeys.admin().get("/v1/credentials").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:hybrid-llm:problem:credential-store-off"))
                .body("detail", containsString("HYBRID_CREDENTIALS_MASTER_KEY"));
        assertThat(Requests.answer(Requests.chain("store-off-1", new Target("openai", ProviderChainResource.GPT)))
                .status()).isEqualTo(LlmReply.Status.SUCCEEDED);
    }
}
