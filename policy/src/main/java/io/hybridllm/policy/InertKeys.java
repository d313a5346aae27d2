package io.hybridllm.policy;

/**
 * Keys the policy reads and validates but no service follows yet, each with what it does not do and where the value in
 * force comes from instead. An operator who sets one gets a warning naming file, key and that reason, so nothing is
 * accepted in silence; a key leaves this list in the change that gives it its effect.
 */
final class InertKeys {

    /** Under {@code [health]} and {@code [health.<provider>]}. */
    static final String HEALTH = "has no effect: the workers' health checks follow only check_interval_seconds and "
            + "failure_threshold of [health]; they list each backend's models, disable it after the failures in a row "
            + "and enable it on the first passing check";
    static final String TRACK_USAGE = "has no effect: usage is always recorded (the budgets depend on it)";

    private InertKeys() {
    }
}
