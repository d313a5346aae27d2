package io.hybridllm.cost.rest;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.cost.budget.Budgets;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Without HYBRID_ADMIN_TOKEN the budget API is off, whatever a caller sends. */
@QuarkusTest
@TestProfile(BudgetAdminDisabledTest.NoToken.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class BudgetAdminDisabledTest {

    public static class NoToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.admin.token", "");
        }
    }

    @Test
    void theAdminApiAnswers403() {
        Budgets.admin().get("/v1/budgets").then().statusCode(403).contentType("application/problem+json").body("type",
                equalTo("urn:hybrid-llm:problem:admin-disabled"));
        Budgets.admin().header("Authorization", "Bearer ").body("{\"amount_usd\": 1}").put("/v1/budgets/global/daily")
                .then().statusCode(403);
    }
}
