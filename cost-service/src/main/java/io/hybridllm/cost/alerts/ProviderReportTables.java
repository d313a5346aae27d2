package io.hybridllm.cost.alerts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.json.Json;

/**
 * The provider reports and outages in PostgreSQL ({@code control_worker}, {@code provider_report},
 * {@code provider_outage}). Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class ProviderReportTables {

    /** A provider's outage row: out since when (empty: usable), and when its last outage ended. */
    public record Outage(Optional<Instant> outSince, Optional<Instant> recoveredAt) {
    }

    /** A report of a provider out (open or half-open), as its worker sent it. */
    public record OutReport(String worker, String state, String detail, Instant at) {
    }

    private final EntityManager entityManager;

    public ProviderReportTables(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Notes that the worker was heard from at {@code at}; false when it is new and {@code maxWorkers} are tracked. */
    public boolean hear(String worker, Instant at, int maxWorkers, Instant staleBefore) {
        int updated = entityManager
                .createNativeQuery(
                        "update control_worker set heard_at = greatest(heard_at, :at) where worker = :worker")
                .setParameter("worker", worker).setParameter("at", at).executeUpdate();
        if (updated > 0) {
            return true;
        }
        if (count("control_worker") >= maxWorkers && forgetSilentWorkers(staleBefore) == 0) {
            return false;
        }
        entityManager.createNativeQuery("""
                insert into control_worker (worker, heard_at) values (:worker, :at)
                on conflict (worker) do update set heard_at = greatest(control_worker.heard_at, excluded.heard_at)""")
                .setParameter("worker", worker).setParameter("at", at).executeUpdate();
        return true;
    }

    /**
     * Locks the provider's row until the transaction ends, creating it on first use; empty when it is new and
     * {@code maxProviders} are tracked. Decisions on a provider are taken one at a time across replicas.
     */
    public Optional<Outage> lock(String provider, int maxProviders) {
        List<?> rows = selectForUpdate(provider);
        if (rows.isEmpty()) {
            if (count("provider_outage") >= maxProviders) {
                return Optional.empty();
            }
            entityManager.createNativeQuery("insert into provider_outage (provider) values (:p) on conflict do nothing")
                    .setParameter("p", provider).executeUpdate();
            rows = selectForUpdate(provider);
        }
        Object[] row = (Object[]) rows.getFirst();
        return Optional.of(new Outage(Optional.ofNullable(instant(row[0])), Optional.ofNullable(instant(row[1]))));
    }

    /** Keeps the report unless the scope has one as new already (a redelivery, or the topic read again). */
    public void save(ControlEvent.ProviderHealth report, String worker) {
        entityManager.createNativeQuery("""
                insert into provider_report (scope, provider, worker, state, detail, at)
                values (:scope, :provider, :worker, :state, :detail, :at)
                on conflict (scope) do update set provider = excluded.provider, worker = excluded.worker,
                    state = excluded.state, detail = excluded.detail, at = excluded.at
                where excluded.at > provider_report.at""").setParameter("scope", report.scope())
                .setParameter("provider", report.provider()).setParameter("worker", worker)
                .setParameter("state", Json.wireName(report.state()))
                .setParameter("detail", ProviderAlerts.cut(report.detail() == null ? "" : report.detail()))
                .setParameter("at", report.at()).executeUpdate();
    }

    /** The provider's reports of it out from workers heard from since {@code heardSince}, oldest first. */
    public List<OutReport> liveOut(String provider, Instant heardSince) {
        List<?> rows = entityManager.createNativeQuery("""
                select r.worker, r.state, r.detail, r.at from provider_report r
                join control_worker w on w.worker = r.worker
                where r.provider = :provider and r.state <> 'closed' and w.heard_at >= :since
                order by r.at, r.scope""").setParameter("provider", provider).setParameter("since", heardSince)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new OutReport((String) row[0], (String) row[1], (String) row[2], instant(row[3]))).toList();
    }

    /** Whether any report, live or not, has the provider out. */
    public boolean anyOut(String provider) {
        return ((Number) entityManager
                .createNativeQuery("select count(*) from provider_report where provider = :p and state <> 'closed'")
                .setParameter("p", provider).getSingleResult()).longValue() > 0;
    }

    public void markOut(String provider, Instant since) {
        entityManager
                .createNativeQuery(
                        "update provider_outage set out_since = :since, updated_at = now() where provider = :p")
                .setParameter("p", provider).setParameter("since", since).executeUpdate();
    }

    public void markRecovered(String provider, Instant at) {
        entityManager.createNativeQuery(
                "update provider_outage set out_since = null, recovered_at = :at, updated_at = now() where provider = :p")
                .setParameter("p", provider).setParameter("at", at).executeUpdate();
    }

    /** Providers a review must look at: those out, and those some report has out. */
    @SuppressWarnings("unchecked")
    public List<String> providersToReview() {
        return entityManager.createNativeQuery("""
                select provider from provider_outage where out_since is not null
                union select provider from provider_report where state <> 'closed'
                order by 1""", String.class).getResultList();
    }

    /**
     * Forgets the workers not heard from since {@code staleBefore}, with their reports, and the providers left with
     * neither a report nor an outage: what stays is bounded by the workers alive. How many workers it forgot.
     */
    public int forgetSilentWorkers(Instant staleBefore) {
        entityManager.createNativeQuery(
                "delete from provider_report where worker in (select worker from control_worker where heard_at < :t)")
                .setParameter("t", staleBefore).executeUpdate();
        int forgotten = entityManager.createNativeQuery("delete from control_worker where heard_at < :t")
                .setParameter("t", staleBefore).executeUpdate();
        entityManager.createNativeQuery("""
                delete from provider_outage o where o.out_since is null
                and not exists (select 1 from provider_report r where r.provider = o.provider)""").executeUpdate();
        return forgotten;
    }

    private List<?> selectForUpdate(String provider) {
        return entityManager
                .createNativeQuery("select out_since, recovered_at from provider_outage where provider = :p for update")
                .setParameter("p", provider).getResultList();
    }

    /** The driver hands timestamptz back as an OffsetDateTime or an Instant, depending on the Hibernate version. */
    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }

    private long count(String table) {
        return ((Number) entityManager.createNativeQuery("select count(*) from " + table).getSingleResult())
                .longValue();
    }
}
