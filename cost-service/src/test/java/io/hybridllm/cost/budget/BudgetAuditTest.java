package io.hybridllm.cost.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.Calls;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Budget changes over HTTP are audited on llm.audit, through the outbox: who, what, and what it was before. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "cost"))
class BudgetAuditTest {

    private static final KafkaProbe kafka = KafkaProbe.shared();

    @Test
    void creatingChangingAndDeletingABudgetAreEachAuditedWithWhoAndWhat() {
        String scope = "tenant:" + Calls.uniqueTenant("audited");
        String subject = "budget:" + scope + "/monthly";
        Budgets.admin().header("X-Changed-By", "alice").body("{\"amount_usd\": 10}")
                .put("/v1/budgets/" + scope + "/monthly").then().statusCode(201);
        Budgets.admin().header("X-Changed-By", "bob").body("{\"amount_usd\": 20}")
                .put("/v1/budgets/" + scope + "/monthly").then().statusCode(200);
        Budgets.admin().header("X-Changed-By", "carol").delete("/v1/budgets/" + scope + "/monthly").then()
                .statusCode(204);

        List<AuditEvent> audits = kafka
                .awaitAll(Topics.AUDIT, record -> subject.equals(record.key()), 3, Duration.ofSeconds(30)).stream()
                .map(record -> Json.read(record.value(), AuditEvent.class)).toList();
        assertThat(audits).extracting(AuditEvent::action).containsExactly(AuditEvent.Action.BUDGET_CREATED,
                AuditEvent.Action.BUDGET_CHANGED, AuditEvent.Action.BUDGET_DELETED);
        assertThat(audits).extracting(AuditEvent::actor).containsExactly("alice", "bob", "carol");
        assertThat(audits.get(1).changedKeys()).containsExactly("amount_usd");
        assertThat(audits.get(1).detail()).contains("20 USD").contains("was 10 USD");
        assertThat(audits.get(2).detail()).isEqualTo("was 20 USD");
    }
}
