package io.hybridllm.router.control;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.ControlEvent;

/**
 * The mode switches {@code llm.control} holds, by scope: {@code global} or {@code tenant:<id>}. The cost service
 * publishes them as budgets are crossed (a pause is a switch to a free mode) and reset.
 */
@ApplicationScoped
public class ModeSwitchState {

    public static final String GLOBAL = "global";

    private final Map<String, ControlEvent.ModeSwitch> latest = new ConcurrentHashMap<>();

    /** Applies a switch unless a newer one for the same scope is in force already. */
    public void apply(ControlEvent.ModeSwitch event) {
        latest.merge(event.scope(), event, (current, next) -> next.at().isBefore(current.at()) ? current : next);
    }

    /** The switch in force for a tenant: its own, else the global one; a withdrawn switch (no mode) is none. */
    public Optional<ControlEvent.ModeSwitch> forTenant(String tenant) {
        ControlEvent.ModeSwitch own = latest.get("tenant:" + tenant);
        ControlEvent.ModeSwitch chosen = own != null && own.mode() != null ? own : latest.get(GLOBAL);
        return Optional.ofNullable(chosen).filter(change -> change.mode() != null);
    }

    /**
     * The pause a tenant's requests are under: its own scope's, else the global one's; empty when neither is paused. A
     * global pause holds for every tenant, whatever a tenant's own switch says.
     */
    public Optional<ControlEvent.ModeSwitch> pauseFor(String tenant) {
        ControlEvent.ModeSwitch own = latest.get("tenant:" + tenant);
        if (own != null && own.paused()) {
            return Optional.of(own);
        }
        return Optional.ofNullable(latest.get(GLOBAL)).filter(ControlEvent.ModeSwitch::paused);
    }
}
