package io.hybridllm.cost.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.cost.budget.Scope;

/**
 * Writes provider alerts to the outbox, in the deciding transaction, keyed {@code *}: an outage concerns every tenant.
 * Their ids are derived from provider and {@code since}, so that one outage has one id wherever it is decided.
 */
@ApplicationScoped
public class ProviderAlerts {

    /** Longer details are cut: a detail lists at most a few workers' reports, each a line or so. */
    static final int MAX_DETAIL = 1000;

    private final AlertOutbox alerts;

    public ProviderAlerts(AlertOutbox alerts) {
        this.alerts = alerts;
    }

    public void outage(String provider, Instant since, String detail, Instant at) {
        Alert.ProviderOutage alert = new Alert.ProviderOutage(SchemaVersion.CURRENT,
                id("provider_outage", provider, since), Scope.ALL_TENANTS, provider, since, cut(detail), at);
        alerts.append(alert);
    }

    public void recovered(String provider, Instant since, String detail, Instant at) {
        long seconds = Math.max(0, Duration.between(since, at).toSeconds());
        Alert.ProviderRecovered alert = new Alert.ProviderRecovered(SchemaVersion.CURRENT,
                id("provider_recovered", provider, since), Scope.ALL_TENANTS, provider, since, seconds, cut(detail),
                at);
        alerts.append(alert);
    }

    private static String id(String type, String provider, Instant since) {
        return UUID.nameUUIDFromBytes((type + "/" + provider + "/" + since).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A detail as kept and sent: a worker's report may be long, what is kept of it is bounded. */
    static String cut(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
