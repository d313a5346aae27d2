package io.hybridllm.worker.core.provider;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a provider asked us to wait, from its headers: {@code retry-after-ms} (Azure, OpenAI), {@code Retry-After}
 * in seconds or as an HTTP date, and for a rate limit without those, the reset headers of the exhausted limit (OpenAI's
 * {@code x-ratelimit-reset-*} durations such as {@code 6m0s}, Anthropic's {@code anthropic-ratelimit-*-reset} RFC 3339
 * times).
 */
final class RetryAfter {

    /** A reset header and the remaining-count header of the same limit. */
    private record Limit(String reset, String remaining) {
    }

    private static final List<Limit> LIMITS = List.of(
            new Limit("x-ratelimit-reset-requests", "x-ratelimit-remaining-requests"),
            new Limit("x-ratelimit-reset-tokens", "x-ratelimit-remaining-tokens"),
            new Limit("anthropic-ratelimit-requests-reset", "anthropic-ratelimit-requests-remaining"),
            new Limit("anthropic-ratelimit-tokens-reset", "anthropic-ratelimit-tokens-remaining"),
            new Limit("anthropic-ratelimit-input-tokens-reset", "anthropic-ratelimit-input-tokens-remaining"),
            new Limit("anthropic-ratelimit-output-tokens-reset", "anthropic-ratelimit-output-tokens-remaining"));

    private static final Pattern GO_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** The wait, or empty when the headers ask for none; {@code rateLimited} admits the reset headers. */
    static Optional<Duration> of(HttpHeaders headers, boolean rateLimited, Instant now) {
        Optional<Duration> explicit = headers.firstValue("retry-after-ms").flatMap(RetryAfter::millis)
                .or(() -> headers.firstValue("retry-after").flatMap(value -> retryAfter(value, now)));
        return explicit.isPresent() || !rateLimited ? explicit : resets(headers, now);
    }

    /**
     * A 429 does not say which limit it hit: wait for the limits that are used up, or, when no remaining count is zero
     * (a request larger than what is left), for the latest reset.
     */
    private static Optional<Duration> resets(HttpHeaders headers, Instant now) {
        Duration exhausted = null;
        Duration any = null;
        for (Limit limit : LIMITS) {
            Duration reset = headers.firstValue(limit.reset()).flatMap(value -> reset(value, now)).orElse(null);
            if (reset == null) {
                continue;
            }
            any = longest(any, reset);
            if (headers.firstValue(limit.remaining()).map(String::strip).filter("0"::equals).isPresent()) {
                exhausted = longest(exhausted, reset);
            }
        }
        return Optional.ofNullable(exhausted != null ? exhausted : any);
    }

    private static Duration longest(Duration so, Duration next) {
        return so == null || next.compareTo(so) > 0 ? next : so;
    }

    private static Optional<Duration> retryAfter(String value, Instant now) {
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            return Optional.of(fromSeconds(v));
        }
        try {
            return Optional.of(until(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> reset(String value, Instant now) {
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            return Optional.of(fromSeconds(v));
        }
        Optional<Duration> duration = goDuration(v);
        if (duration.isPresent()) {
            return duration;
        }
        try {
            return Optional.of(until(OffsetDateTime.parse(v).toInstant(), now));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Go-style durations as OpenAI sends them ({@code 1s}, {@code 6m0s}, {@code 250ms}, {@code 1h2m3.5s}). */
    static Optional<Duration> goDuration(String value) {
        Matcher part = GO_DURATION.matcher(value);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            BigDecimal amount = new BigDecimal(part.group(1));
            BigDecimal millis = switch (part.group(2)) {
                case "h" -> amount.multiply(BigDecimal.valueOf(3_600_000));
                case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
                case "s" -> amount.multiply(BigDecimal.valueOf(1_000));
                default -> amount;
            };
            total = total.plusNanos(millis.movePointRight(6).longValue());
            end = part.end();
        }
        return end > 0 && end == value.length() ? Optional.of(total) : Optional.empty();
    }

    private static Optional<Duration> millis(String value) {
        String v = value.strip();
        return SECONDS.matcher(v).matches()
                ? Optional.of(Duration.ofNanos(new BigDecimal(v).movePointRight(6).longValue()))
                : Optional.empty();
    }

    private static Duration fromSeconds(String value) {
        return Duration.ofNanos(new BigDecimal(value).movePointRight(9).longValue());
    }

    private static Duration until(Instant then, Instant now) {
        return now.isBefore(then) ? Duration.between(now, then) : Duration.ZERO;
    }

    private RetryAfter() {
    }
}
