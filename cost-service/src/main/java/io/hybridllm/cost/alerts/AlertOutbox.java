package io.hybridllm.cost.alerts;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.budget.Scope;
import io.hybridllm.cost.outbox.Outbox;

/**
 * Puts an alert in the outbox for everyone who may read it: every alert on {@value Topics#ALERTS} (the operator's, with
 * every tenant's figures), a tenant's budget alert also on that tenant's own topic, and an alert addressed to every
 * tenant on {@value Topics#EVERYONE_ALERTS}, the global budget's without its figures (they are the operator's, not any
 * tenant's). The copies keep the alert's id; their outbox rows get ids of their own.
 */
@ApplicationScoped
public class AlertOutbox {

    private final Outbox outbox;

    public AlertOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public void append(Alert alert) {
        outbox.append(Topics.ALERTS, alert.tenant(), alert.id(), Json.write(alert));
        boolean everyone = Scope.ALL_TENANTS.equals(alert.tenant());
        String audience = everyone ? Topics.EVERYONE_ALERTS : Topics.tenantAlerts(alert.tenant());
        Alert copy = everyone ? withoutFigures(alert) : alert;
        outbox.append(audience, alert.tenant(), alert.id() + "@" + audience, Json.write(copy));
    }

    private static Alert withoutFigures(Alert alert) {
        if (alert instanceof Alert.Budget budget) {
            return new Alert.Budget(budget.schemaVersion(), budget.id(), budget.tenant(), budget.level(),
                    budget.period(), null, null, null, budget.percent(), budget.at());
        }
        return alert;
    }
}
