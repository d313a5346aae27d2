package io.hybridllm.cost.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.outbox.Outbox;

/**
 * Audits budget changes over HTTP on {@code llm.audit}, as the router audits policy changes: who, what changed, from
 * what. Written to the outbox in the change's transaction, so a change and its audit commit together or not at all.
 * Keyed by the subject {@code budget:<scope>/<period>}.
 */
@ApplicationScoped
public class BudgetAudit {

    private final Outbox outbox;

    public BudgetAudit(Outbox outbox) {
        this.outbox = outbox;
    }

    void put(Scope scope, Period period, Optional<Budget> before, BigDecimal amountUsd, int warnPercent,
            int pausePercent, String by, Instant at) {
        List<String> changed = new ArrayList<>();
        if (before.isEmpty() || before.get().amountUsd().compareTo(amountUsd) != 0) {
            changed.add("amount_usd");
        }
        if (before.isEmpty() || before.get().warnPercent() != warnPercent) {
            changed.add("warn_at_percent");
        }
        if (before.isEmpty() || before.get().pausePercent() != pausePercent) {
            changed.add("pause_at_percent");
        }
        String detail = usd(amountUsd) + " USD, warn at " + warnPercent + "%, pause at " + pausePercent + "%"
                + before.map(b -> " (was " + usd(b.amountUsd()) + " USD, warn at " + b.warnPercent() + "%, pause at "
                        + b.pausePercent() + "%)").orElse("");
        append(scope, period, before.isEmpty() ? AuditEvent.Action.BUDGET_CREATED : AuditEvent.Action.BUDGET_CHANGED,
                by, changed, detail, at);
    }

    void deleted(Scope scope, Period period, Budget before, String by, Instant at) {
        append(scope, period, AuditEvent.Action.BUDGET_DELETED, by, List.of("amount_usd"),
                "was " + usd(before.amountUsd()) + " USD", at);
    }

    private static String usd(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private void append(Scope scope, Period period, AuditEvent.Action action, String by, List<String> changed,
            String detail, Instant at) {
        String subject = "budget:" + scope.name() + "/" + period.wireName();
        AuditEvent event = new AuditEvent(SchemaVersion.CURRENT, UUID.randomUUID().toString(), subject, action, by,
                "PUT or DELETE /v1/budgets/" + scope.name() + "/" + period.wireName() + " on the cost service", null,
                null, changed, detail, at);
        outbox.append(Topics.AUDIT, subject, event.id(), Json.write(event));
    }
}
