package io.hybridllm.worker.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.hybridllm.policy.LivePolicy;
import io.hybridllm.policy.Policy;
import io.hybridllm.policy.ProviderUse;
import io.hybridllm.policy.WorkerProviders;
import io.hybridllm.worker.core.pool.BackendPool;

/**
 * A worker's backends as the policy in force says, kept in step with it: on every change the plan is worked out again
 * ({@link WorkerProviders}), a provider whose use is unchanged keeps its backends as they are (breaker, limiter,
 * health), a changed one is built anew, a new one appears and a disabled or removed one is dropped from the pool.
 */
public final class PolicyBackends {

    private static final Logger LOG = Logger.getLogger(PolicyBackends.class);

    /** Builds the backends of one provider; {@code previous} holds its backends before a change of its use. */
    @FunctionalInterface
    public interface Factory {
        List<BackendPool.Slotted> build(ProviderUse use, List<BackendPool.Slotted> previous);
    }

    private record Built(ProviderUse use, List<BackendPool.Slotted> backends) {
    }

    private final String worker;
    private final Factory factory;
    private final Map<String, String> properties;
    private final WorkerProviders.Defaults defaults;
    private Map<String, Built> built = Map.of();

    public PolicyBackends(String worker, Factory factory, Map<String, String> properties,
            WorkerProviders.Defaults defaults) {
        this.worker = worker;
        this.factory = factory;
        this.properties = Map.copyOf(properties);
        this.defaults = defaults;
    }

    /** The pool for the policy in force, following its changes from now on. A provider that cannot be built fails. */
    public BackendPool pool(LivePolicy policy, int failureThreshold) {
        List<BackendPool.Slotted> first = backends(policy.current(), true);
        BackendPool pool = new BackendPool(first, threshold(policy.current(), failureThreshold));
        // The same backends again: only to say why the pool is empty, if it is.
        pool.replace(first, whyEmpty(policy.current()));
        policy.onChange(loaded -> {
            pool.failureThreshold(threshold(loaded.policy(), failureThreshold));
            pool.replace(backends(loaded.policy(), false), whyEmpty(loaded.policy()));
        });
        return pool;
    }

    /** The policy's [health] failure_threshold, else the worker's own. */
    static int threshold(Policy policy, int own) {
        Integer set = policy.health().failureThreshold();
        return set != null ? set : own;
    }

    /** What the plan is for this worker, for the startup log and tests. */
    public WorkerProviders.Plan plan(Policy policy) {
        return WorkerProviders.plan(policy, properties, defaults);
    }

    /**
     * The backends for {@code policy}, reusing those of unchanged providers. {@code strict}: a provider that cannot be
     * built stops the start; later, it is left out with an error, and the rest of the change applies.
     */
    synchronized List<BackendPool.Slotted> backends(Policy policy, boolean strict) {
        WorkerProviders.Plan plan = plan(policy);
        Map<String, Built> next = new LinkedHashMap<>();
        for (ProviderUse use : plan.of(worker)) {
            Built before = built.get(use.name());
            if (before != null && before.use().equals(use)) {
                next.put(use.name(), before);
                continue;
            }
            try {
                next.put(use.name(), new Built(use,
                        List.copyOf(factory.build(use, before == null ? List.of() : before.backends()))));
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw new IllegalArgumentException(
                            "policy " + policy.version() + ", provider " + use.name() + ": " + e.getMessage(), e);
                }
                LOG.errorf("policy %s: provider %s left out, it cannot be called: %s", policy.version(), use.name(),
                        e.getMessage());
            }
        }
        if (!next.keySet().equals(built.keySet()) || strict) {
            LOG.infof("%s follows policy %s with providers %s", worker, policy.version(), next.keySet());
        }
        next.values().stream().filter(b -> !b.equals(built.get(b.use().name())))
                .forEach(b -> LOG.infof("%s uses %s", worker, b.use().describe()));
        plan.notes().forEach(note -> LOG.warnf("policy %s: %s", policy.version(), note));
        built = next;
        return current();
    }

    private synchronized List<BackendPool.Slotted> current() {
        List<BackendPool.Slotted> all = new ArrayList<>();
        built.values().forEach(b -> all.addAll(b.backends()));
        return all;
    }

    /** Why the pool is empty, when it is: the policy gives this worker no provider. */
    private String whyEmpty(Policy policy) {
        return "the policy in force (" + policy.version() + ") enables no provider this worker serves ("
                + (worker.equals(ProviderUse.WORKER_LOCAL) ? "ollama, openai-compatible" : "a cloud kind")
                + "): its tiers are not served";
    }
}
