package io.hybridllm.runtime;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a failure means the database is away for now (restarting, unreachable, or every pooled connection busy past
 * the acquisition timeout), rather than a defect. Such a failure stored nothing, so an HTTP request that met it is
 * answered {@code 503} with {@code Retry-After}, never {@code 500}.
 */
public final class DatabaseOutage {

    /** How many exceptions of a chain (causes and suppressed) are looked at, so a crafted chain costs bounded work. */
    private static final int MAX_EXAMINED = 64;

    private DatabaseOutage() {
    }

    /** True if any cause or suppressed exception of {@code failure} says the database cannot be used right now. */
    public static boolean isOutage(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> open = new ArrayDeque<>();
        open.add(failure);
        while (!open.isEmpty() && seen.size() < MAX_EXAMINED) {
            Throwable next = open.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            if (signalsOutage(next)) {
                return true;
            }
            if (next.getCause() != null) {
                open.add(next.getCause());
            }
            Collections.addAll(open, next.getSuppressed());
        }
        return false;
    }

    private static boolean signalsOutage(Throwable failure) {
        if (failure instanceof SQLTransientConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exception; 57P01..57P03: administrator or crash shutdown, cannot connect now.
            if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                return true;
            }
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        // Agroal's pool timeout carries no SQL state; Hibernate rewords it when it wraps it.
        return message.contains("acquisition timeout") || message.contains("unable to acquire jdbc connection");
    }
}
