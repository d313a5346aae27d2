package io.hybridllm.launcher.attack;

/**
 * One thing an adversarial tenant tried, and what the system did. {@code knownGap} marks an attempt the system is known
 * not to contain yet (docs/security.md says why): reported, never counted as a regression.
 */
record Attempt(String name, boolean contained, String detail, boolean knownGap) {

    static Attempt of(String name, boolean contained, String detail) {
        return new Attempt(name, contained, detail, false);
    }

    static Attempt gap(String name, boolean contained, String detail) {
        return new Attempt(name, contained, detail, true);
    }

    String line() {
        String mark = contained ? "contained" : knownGap ? "known gap" : "NOT CONTAINED";
        return String.format("  %-13s %s: %s", "[" + mark + "]", name, detail);
    }
}
