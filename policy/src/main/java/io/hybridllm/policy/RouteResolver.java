package io.hybridllm.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy.Provider;
import io.hybridllm.policy.Policy.Route;

/**
 * The providers a request may try, in order, from the policy's route for its task type in the mode in force. Pure: no
 * state, so the rules can be read and tested here. The router routes by it, and {@code hybrid cost simulate} prices a
 * workload by the same rules.
 */
public final class RouteResolver {

    /** How deep a request is, by its score: the names the policy's depth tables use. */
    public enum Depth {
        QUICK, NORMAL, DEEP
    }

    public record Resolution(List<Provider> providers, String because) {
    }

    public static Depth depth(double score, Policy.Scoring scoring) {
        return score < scoring.localFastBelow() ? Depth.QUICK
                : score < scoring.localQualityBelow() ? Depth.NORMAL : Depth.DEEP;
    }

    /**
     * The route of the task type in the mode (for a task type the mode does not list, {@code [ai] primary_provider}
     * unless it is {@code auto}, then the fallback chain), resolved at the request's depth. In a plain chain, a deep
     * request tries cloud providers first: "local first, cloud for complex". Disabled providers are dropped; a provider
     * the request prefers goes first.
     */
    public static Resolution resolve(Policy policy, String mode, TaskType taskType, Depth depth, String preferred) {
        Route route = policy.routing().getOrDefault(mode, Map.of()).get(taskType);
        String source = "routing." + mode + "." + taskType.name().toLowerCase(Locale.ROOT);
        if (route == null) {
            List<String> chain = new ArrayList<>(policy.ai().fallbackChain());
            String primary = policy.ai().primaryProvider();
            source = "ai.fallback_chain (" + mode + " lists no route for this task type)";
            if (!"auto".equals(primary)) {
                chain.remove(primary);
                chain.addFirst(primary);
                source = "ai.primary_provider " + primary + ", then " + source;
            }
            route = new Route.Chain(chain);
        }
        List<String> names = new ArrayList<>();
        String because = source;
        switch (route) {
            case Route.Chain chain -> {
                names.addAll(chain.providers());
                if (depth == Depth.DEEP && names.stream().anyMatch(name -> isLocal(policy, name))
                        && names.stream().anyMatch(name -> !isLocal(policy, name))) {
                    names.sort(Comparator.comparing(name -> isLocal(policy, name)));
                    because += ", cloud first for a deep request";
                }
            }
            case Route.ByDepth byDepth -> {
                Route.Chain chosen = (Route.Chain) switch (depth) {
                    case QUICK -> byDepth.quick();
                    case NORMAL -> byDepth.normal();
                    case DEEP -> byDepth.deep();
                };
                names.addAll(chosen.providers());
                because += "." + depth.name().toLowerCase(Locale.ROOT);
            }
            case Route.Cached cached -> {
                names.add(cached.provider());
                if (cached.fallback() != null) {
                    names.add(cached.fallback());
                }
            }
        }
        if (preferred != null && policy.providers().containsKey(preferred)) {
            names.remove(preferred);
            names.addFirst(preferred);
            because += ", " + preferred + " first as the request prefers";
        }
        List<Provider> providers = names.stream().map(policy.providers()::get).filter(Provider::enabled).toList();
        return new Resolution(providers, because);
    }

    private static boolean isLocal(Policy policy, String name) {
        return policy.providers().get(name).isLocal();
    }

    private RouteResolver() {
    }
}
