package io.hybridllm.worker.core.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.ErrorInfo;
import io.hybridllm.contracts.ErrorInfo.ErrorCode;

class BudgetPausesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static ControlEvent.ModeSwitch change(String scope, boolean paused, Instant at) {
        return new ControlEvent.ModeSwitch(1, scope + at, scope, null, paused, "monthly budget at 95%", at);
    }

    @Test
    void noPaidCallIsAllowedBeforeTheControlTopicHasBeenRead() throws InterruptedException {
        BudgetPauses pauses = new BudgetPauses(Duration.ofMillis(50));
        ErrorInfo refusal = pauses.refusal("acme").orElseThrow();
        assertThat(refusal.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
        assertThat(refusal.message()).contains("has not read the budget state on llm.control");
        pauses.caughtUp();
        assertThat(pauses.refusal("acme")).isEmpty();
    }

    @Test
    void aTenantIsPausedByItsOwnScopeOrTheGlobalOneAndALateOlderEventChangesNothing() throws InterruptedException {
        BudgetPauses pauses = new BudgetPauses(Duration.ZERO);
        pauses.caughtUp();
        pauses.apply(change("tenant:acme", true, T0));
        assertThat(pauses.refusal("acme").orElseThrow().code()).isEqualTo(ErrorCode.BUDGET_PAUSED);
        assertThat(pauses.refusal("globex")).isEmpty();

        pauses.apply(change("tenant:acme", false, T0.plusSeconds(60)));
        pauses.apply(change("tenant:acme", true, T0.plusSeconds(30)));
        assertThat(pauses.refusal("acme")).as("the newer lift stands").isEmpty();

        pauses.apply(change("global", true, T0));
        assertThat(pauses.refusal("acme").orElseThrow().message()).contains("the budget of global is paused");
        assertThat(pauses.refusal("globex")).isPresent();
    }
}
