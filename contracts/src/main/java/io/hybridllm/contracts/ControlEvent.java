package io.hybridllm.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;

/**
 * What changes the routing in force, on a compacted control topic keyed by {@link #scope()}: the latest event per scope
 * is the state of that scope. Each kind has its own topic ({@link #topic()}), which only its writer may write.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ControlEvent.ModeSwitch.class, name = "mode_switch"),
        @JsonSubTypes.Type(value = ControlEvent.TierHealth.class, name = "tier_health"),
        @JsonSubTypes.Type(value = ControlEvent.ProviderHealth.class, name = "provider_health"),
        @JsonSubTypes.Type(value = ControlEvent.PolicyChange.class, name = "policy_change") })
public sealed interface ControlEvent {

    String id();

    /** The compaction key, e.g. {@code global}, {@code tenant:acme}, {@code provider:openai}, {@code tier:cloud}. */
    String scope();

    Instant at();

    /** The one topic this kind of event belongs on, written only by the service that makes it. */
    default String topic() {
        return switch (this) {
            case PolicyChange change -> Topics.CONTROL_POLICY;
            case ModeSwitch change -> Topics.CONTROL_MODES;
            case TierHealth report -> Topics.CONTROL_HEALTH;
            case ProviderHealth report -> Topics.CONTROL_HEALTH;
        };
    }

    /**
     * An event read from {@code topic}, refused when its kind belongs on another: the broker let only that topic's
     * writer produce it, so e.g. a {@code mode_switch} on the health topic came from a worker, not from the cost
     * service.
     */
    static ControlEvent read(String topic, String payload) {
        ControlEvent event = Json.read(payload, ControlEvent.class);
        if (!event.topic().equals(topic)) {
            throw new InvalidMessageException("type", "a " + event.getClass().getSimpleName() + " event belongs on "
                    + event.topic() + ", not on " + topic + ", whose writer may not make it");
        }
        return event;
    }

    /**
     * A routing mode put in force for a scope, e.g. by a budget rule. Without a mode it withdraws the scope's switch:
     * the policy decides again (its schedule, context rules and {@code [ai] mode}). {@code paused} says that a budget
     * of the scope has reached its pause threshold: no paid call may be made for the scope (for {@code global}: for
     * anyone) whatever the mode, until a switch of the same scope says otherwise. The router routes such requests to
     * local providers only, and a worker about to make a paid call refuses it. Absent in older events: not paused.
     */
    record ModeSwitch(int schemaVersion, String id, String scope, String mode, boolean paused, String reason,
            Instant at) implements ControlEvent {
    }

    /** Whether a tier has any healthy backend left. */
    record TierHealth(int schemaVersion, String id, String scope, Tier tier, boolean healthy, String detail, Instant at)
            implements ControlEvent {
    }

    /**
     * A provider as one worker sees it: a cloud worker's circuit for it (scope {@code provider:<name>@<worker>}), or
     * every worker's health checks of it (scope {@code provider-check:<name>@<worker>}: open while every backend of the
     * provider fails them). Two scopes, so that on the compacted topic neither view replaces the other.
     */
    record ProviderHealth(int schemaVersion, String id, String scope, String provider, CircuitState state,
            String detail, Instant at) implements ControlEvent {
    }

    /**
     * A validated routing policy published for every router replica (scope {@code policy}): the complete TOML, its
     * version, and the audit of the change (who, what changed, from which version). Without TOML (version
     * {@code withdrawn}) it withdraws the published policy, and every replica goes back to its own files.
     */
    record PolicyChange(int schemaVersion, String id, String scope, String version, String previousVersion, String toml,
            String changedBy, List<String> changedKeys, Instant at) implements ControlEvent {
    }

    enum CircuitState {
        CLOSED, OPEN, HALF_OPEN
    }
}
