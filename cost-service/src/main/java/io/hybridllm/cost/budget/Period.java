package io.hybridllm.cost.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A budget's period: a calendar month or day in the budgets' time zone. A period is named by its key, {@code 2026-11}
 * or {@code 2026-11-22}, which is also the {@code period} of a budget alert.
 */
public enum Period {
    MONTHLY, DAILY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Period> byWireName(String name) {
        return Arrays.stream(values()).filter(p -> p.wireName().equals(name)).findFirst();
    }

    /** The key of the period that holds {@code at}. */
    public String key(Instant at, ZoneId zone) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return this == MONTHLY ? YearMonth.from(day).toString() : day.toString();
    }

    public Instant start(String key, ZoneId zone) {
        LocalDate first = this == MONTHLY ? YearMonth.parse(key).atDay(1) : LocalDate.parse(key);
        return first.atStartOfDay(zone).toInstant();
    }

    /** The start of the next period: a month or a day later on the calendar, whatever daylight saving does. */
    public Instant end(String key, ZoneId zone) {
        LocalDate first = this == MONTHLY ? YearMonth.parse(key).plusMonths(1).atDay(1)
                : LocalDate.parse(key).plusDays(1);
        return first.atStartOfDay(zone).toInstant();
    }
}
