package io.hybridllm.ingest.rest;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hybridllm.contracts.json.InvalidMessageException;

/** The {@code ?wait=} of a long poll: {@code 30s}, {@code 500ms}, {@code 1m} or plain seconds, at most a maximum. */
public final class WaitParam {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m)?");

    public static Duration parse(String value, Duration max) {
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(value.strip());
        if (!matcher.matches()) {
            throw new InvalidMessageException("wait", "'" + value + "' is not a duration such as 30s, 500ms or 1m");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration wait = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (wait.compareTo(max) > 0) {
            throw new InvalidMessageException("wait", "is " + value + ", but may be at most " + max.toSeconds() + "s");
        }
        return wait;
    }

    private WaitParam() {
    }
}
