package io.hybridllm.cost.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What spend can be grouped by. Each dimension carries its own SQL expression, so a report query is assembled only from
 * these constants and never from request text.
 */
public enum Dimension {
    PROVIDER("provider"), MODEL("model"), TIER("tier"), TENANT("tenant"), TASK_TYPE("task_type"),
    /**
     * The job a request belongs to ({@code job_id}: a batch's id, or what a Kafka job or {@code hybrid submit} set).
     */
    JOB_ID("job_id"),
    /** Whom a request was made for ({@code end_user}: OpenAI's {@code user}, when its client said). */
    END_USER("end_user"),
    /** The calendar day in UTC, as {@code YYYY-MM-DD}, whatever the session's time zone. */
    DAY("to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')");

    private final String sql;

    Dimension(String sql) {
        this.sql = sql;
    }

    /** The name used in {@code group_by}, in JSON and in CSV headers, e.g. {@code task_type}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    String sql() {
        return sql;
    }

    public static Optional<Dimension> byWireName(String name) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(name)).findFirst();
    }

    /** For error messages: {@code provider, model, tier, tenant, task_type, job_id, end_user, day}. */
    public static String wireNames() {
        return Arrays.stream(values()).map(Dimension::wireName).collect(Collectors.joining(", "));
    }
}
