package io.hybridllm.cost.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.hybridllm.contracts.UsageEvent;
import io.hybridllm.contracts.json.Json;

/**
 * One priced provider call: a row of {@code usage_event}. Enum values are stored as their wire names ({@code cloud},
 * {@code commit_msg}, {@code succeeded}) so that the table reads like the messages it came from.
 */
@Entity
@Table(name = "usage_event")
public class UsageRow {

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "job_id")
    public String jobId;

    /** Whom the call was made for (OpenAI's {@code user}), null when its client did not say. */
    @Column(name = "end_user")
    public String endUser;

    @Column(name = "task_type", nullable = false)
    public String taskType;

    public String tier;

    @Column(nullable = false)
    public String provider;

    public String model;

    @Column(name = "prompt_tokens", nullable = false)
    public int promptTokens;

    @Column(name = "completion_tokens", nullable = false)
    public int completionTokens;

    /** Null when {@link #priced} is false: an unknown price is not a zero price. */
    @Column(name = "cost_usd", precision = 20, scale = 10)
    public BigDecimal costUsd;

    @Column(nullable = false)
    public boolean priced;

    /**
     * What the call counts against its budgets: its cost, or for a paid call the catalogue cannot price, the most it
     * could cost (see {@code PriceCatalogue.conservativePrice}): a budget never counts an unknown price as zero. The
     * row itself stays unpriced in the reports.
     */
    @Transient
    public BigDecimal budgetUsd;

    @Column(name = "price_version", nullable = false)
    public String priceVersion;

    @Column(name = "reported_cost_usd", precision = 20, scale = 10)
    public BigDecimal reportedCostUsd;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;

    @Column(nullable = false)
    public String outcome;

    @Column(name = "error_code")
    public String errorCode;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The request whose cached answer this request got from the router; null for a provider call. */
    @Column(name = "cache_hit_of")
    public String cacheHitOf;

    /** For a cache hit: what the cached call would cost at the prices in force; null when they cannot price it. */
    @Column(name = "saved_usd", precision = 20, scale = 10)
    public BigDecimal savedUsd;

    /** Set by the database when the row is written. */
    @Column(name = "recorded_at", insertable = false, updatable = false)
    public Instant recordedAt;

    /**
     * The row for an event priced at {@code costUsd}, empty when the catalogue of {@code priceVersion} did not know the
     * provider or model.
     */
    public static UsageRow of(UsageEvent event, Optional<BigDecimal> costUsd, String priceVersion) {
        UsageRow row = new UsageRow();
        row.eventId = event.eventId();
        row.requestId = event.requestId();
        row.tenant = event.tenant();
        row.jobId = event.jobId();
        row.endUser = event.endUser();
        row.taskType = event.taskType().name();
        row.tier = wireName(event.tier());
        row.provider = event.provider();
        row.model = event.model();
        row.promptTokens = event.usage().promptTokens();
        row.completionTokens = event.usage().completionTokens();
        row.costUsd = costUsd.orElse(null);
        row.priced = costUsd.isPresent();
        row.priceVersion = priceVersion;
        row.reportedCostUsd = event.costUsd();
        row.latencyMs = event.latencyMs();
        row.outcome = wireName(event.outcome());
        row.errorCode = wireName(event.errorCode());
        row.occurredAt = event.occurredAt();
        row.cacheHitOf = event.cacheHitOf();
        return row;
    }

    /** The name the wire format gives an enum value, so the database and the messages never disagree. */
    public static String wireName(Enum<?> value) {
        return value == null ? null : Json.wireName(value);
    }
}
