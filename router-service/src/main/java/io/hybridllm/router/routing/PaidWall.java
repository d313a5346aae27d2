package io.hybridllm.router.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.Policy.Provider;
import io.hybridllm.policy.Policy.Route;

/**
 * The budget wall: while a request's scope is paused (a {@code paused} switch on {@code llm.control} for its tenant or
 * for {@code global}), or its mode lists no paid provider in any route (e.g. {@code ollama-only}, what the pause rule
 * switches to), no paid provider is a candidate, however the request asks for one: a preferred provider, a named model,
 * the fallback chain for a task type the mode does not list, or a later tier to escalate to. Paid means not local by
 * the provider's kind ({@link Provider#isLocal()}): a local provider costs no per-call money, even where its GPU hours
 * are priced. Pure, like {@link ModeSelector}.
 */
final class PaidWall {

    /** Why paid providers are closed to the request in this mode; empty when they are open. */
    static Optional<String> why(Policy policy, String mode, Optional<ControlEvent.ModeSwitch> pause) {
        if (pause.isPresent()) {
            return Optional.of("budget paused (" + pause.get().scope() + ": " + pause.get().reason() + ")");
        }
        Map<TaskType, Route> routes = policy.routing().getOrDefault(mode, Map.of());
        if (!routes.isEmpty() && routes.values().stream().flatMap(PaidWall::names).allMatch(n -> isLocal(policy, n))) {
            return Optional.of("mode " + mode + " lists no paid provider");
        }
        return Optional.empty();
    }

    /** The providers left inside the wall, and the reason naming those it kept out (none kept out: no reason). */
    record Walled(List<Provider> providers, Optional<String> reason) {
    }

    static Walled apply(List<Provider> providers, String why) {
        List<Provider> local = providers.stream().filter(Provider::isLocal).toList();
        String kept = providers.stream().filter(p -> !p.isLocal()).map(Provider::name)
                .collect(Collectors.joining(", "));
        return new Walled(local, kept.isEmpty() ? Optional.empty()
                : Optional.of("budget wall: " + why + ", no paid provider (not " + kept + ")"));
    }

    private static Stream<String> names(Route route) {
        return switch (route) {
            case Route.Chain chain -> chain.providers().stream();
            case Route.ByDepth byDepth ->
                    Stream.of(byDepth.quick(), byDepth.normal(), byDepth.deep()).flatMap(PaidWall::names);
            case Route.Cached cached -> Stream.of(cached.provider(), cached.fallback()).filter(n -> n != null);
        };
    }

    private static boolean isLocal(Policy policy, String name) {
        Provider provider = policy.providers().get(name);
        return provider != null && provider.isLocal();
    }

    private PaidWall() {
    }
}
