package io.hybridllm.cost.dashboard;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hybridllm.contracts.Alert;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.cost.budget.Scope;

/**
 * The latest budget and provider alerts this service decided, newest first, read back from the outbox: every alert it
 * ever published is a row there (sent or about to be), so the dashboard needs no consumer of its own on
 * {@code llm.alerts}.
 */
@ApplicationScoped
public class RecentAlerts {

    private final EntityManager entityManager;

    public RecentAlerts(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Up to {@code limit} alerts; for a tenant, its own and those of everyone ({@code *}: global budgets, providers).
     */
    @Transactional
    public List<Alert> latest(int limit, Optional<String> tenant) {
        String onlyTenant = tenant.isPresent() ? " and message_key in (:tenant, '" + Scope.ALL_TENANTS + "')" : "";
        var query = entityManager
                .createNativeQuery("select payload from outbox where topic = :topic" + onlyTenant
                        + " order by seq desc limit :limit", String.class)
                .setParameter("topic", Topics.ALERTS).setParameter("limit", limit);
        tenant.ifPresent(t -> query.setParameter("tenant", t));
        return query.getResultList().stream().map(payload -> Json.read((String) payload, Alert.class)).toList();
    }
}
