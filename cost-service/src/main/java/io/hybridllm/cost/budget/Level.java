package io.hybridllm.cost.budget;

import java.util.Locale;

/** How far a budget has gone in its period, in order: under the warn threshold, past it, past the pause threshold. */
public enum Level {
    NONE, WARN, PAUSE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level byWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
