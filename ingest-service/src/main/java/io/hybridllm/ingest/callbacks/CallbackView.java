package io.hybridllm.ingest.callbacks;

import java.time.Instant;
import java.util.Locale;

/** How a request's callback went, as {@code GET /v1/requests/{id}} shows it. */
public record CallbackView(String url, String state, int attempts, Integer lastStatus, String lastError,
        Instant deliveredAt, Instant nextAttemptAt) {

    static CallbackView of(Object[] row) {
        String state = ((String) row[1]).toLowerCase(Locale.ROOT);
        return new CallbackView((String) row[0], state, ((Number) row[2]).intValue(),
                row[3] == null ? null : ((Number) row[3]).intValue(), (String) row[4], instant(row[5]),
                "pending".equals(state) ? instant(row[6]) : null);
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case java.time.OffsetDateTime time -> time.toInstant();
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }
}
