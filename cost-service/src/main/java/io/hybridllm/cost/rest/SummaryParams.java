package io.hybridllm.cost.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MediaType;

import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.cost.report.Dimension;
import io.hybridllm.cost.report.SummaryRequest;

/**
 * Reads the query parameters of a cost summary. Every refusal is an {@link InvalidMessageException} naming the
 * parameter, which the resource answers with 400 and a problem document.
 */
final class SummaryParams {

    static final List<Dimension> DEFAULT_GROUP_BY = List.of(Dimension.PROVIDER, Dimension.MODEL);
    static final MediaType TEXT_CSV = new MediaType("text", "csv");

    /**
     * {@code from} and {@code to} take an ISO-8601 instant ({@code 2026-11-01T00:00:00Z}, any offset) or a date
     * ({@code 2026-11-01}, a whole UTC day). A date as {@code to} includes that day, as people read "to the 30th". The
     * defaults are the start of the current month and now, both in UTC.
     */
    static SummaryRequest parse(String from, String to, String groupBy, String tenant, Instant now) {
        return parse(from, to, groupBy, tenant, null, null, now);
    }

    /**
     * As above, restricted to the requests of one job when {@code jobId} is given and of one end user when
     * {@code endUser} is.
     */
    static SummaryRequest parse(String from, String to, String groupBy, String tenant, String jobId, String endUser,
            Instant now) {
        Instant start = from == null
                ? YearMonth.from(now.atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                : instant("from", from, false);
        Instant end = to == null ? now : instant("to", to, true);
        if (!start.isBefore(end)) {
            throw new InvalidMessageException(to == null ? "from" : "to",
                    "the range from " + start + " to " + end + " is empty; to must be after from");
        }
        Optional<String> onlyTenant = Optional.ofNullable(tenant).map(String::strip).filter(t -> !t.isEmpty());
        Optional<String> onlyJob = Optional.ofNullable(jobId).map(String::strip).filter(j -> !j.isEmpty());
        return new SummaryRequest(start, end, dimensions(groupBy), onlyTenant, onlyJob, endUser(endUser));
    }

    /** {@code format} ({@code json} or {@code csv}) wins over the Accept header; JSON is the default. */
    static boolean wantsCsv(String format, List<MediaType> accepted) {
        if (format != null) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> false;
                case "csv" -> true;
                default -> throw new InvalidMessageException("format", "is '" + format + "'; use json or csv");
            };
        }
        // Ordered by preference; */* and application/* match JSON first, so only an explicit CSV preference gives CSV.
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(TEXT_CSV)) {
                return true;
            }
        }
        return false;
    }

    private static List<Dimension> dimensions(String groupBy) {
        if (groupBy == null) {
            return DEFAULT_GROUP_BY;
        }
        Set<Dimension> dimensions = new LinkedHashSet<>();
        for (String name : groupBy.split(",", -1)) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            dimensions.add(Dimension.byWireName(wanted)
                    .orElseThrow(() -> new InvalidMessageException("group_by",
                            (wanted.isEmpty() ? "has an empty entry" : "'" + wanted + "' is not a dimension")
                                    + "; use a comma-separated list of " + Dimension.wireNames())));
        }
        return List.copyOf(dimensions);
    }

    /** A value no request could carry is refused before it is looked for. */
    private static Optional<String> endUser(String endUser) {
        Optional<String> only = Optional.ofNullable(endUser).map(String::strip).filter(u -> !u.isEmpty());
        if (only.isPresent() && !GenerationOptions.isEndUser(only.get())) {
            throw new InvalidMessageException("end_user", GenerationOptions.END_USER_RULE);
        }
        return only;
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidMessageException(field,
                    "is '" + value + "'; expected an ISO-8601 instant (2026-11-01T00:00:00Z) or a date (2026-11-01)");
        }
    }

    private SummaryParams() {
    }
}
