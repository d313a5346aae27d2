package io.hybridllm.launcher.faults;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.hybridllm.testkit.simulators.ProviderSimulator;

/**
 * Counts the chat calls each simulated provider received for each request of the run (by the marker in the prompt), so
 * that calls made more than once for one request can be counted.
 */
final class ProviderCalls {

    /** Requests called more than once: how many, the extra calls, the most for one, and how many went to both. */
    record Repeats(int requests, int extraCalls, int most, int onBothProviders, int total) {
    }

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> providers = new ConcurrentHashMap<>();

    void watch(String provider, ProviderSimulator simulator) {
        simulator.observe(received -> {
            if (received.path().endsWith("/chat") || received.path().endsWith("/chat/completions")) {
                Prompts.idIn(String.valueOf(received.body())).ifPresent(id -> {
                    calls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                    providers.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(provider);
                });
            }
        });
    }

    static void unwatch(ProviderSimulator simulator) {
        simulator.observe(received -> {
        });
    }

    Repeats repeats() {
        int requests = 0, extra = 0, most = 0, both = 0, total = 0;
        for (Map.Entry<String, AtomicInteger> entry : calls.entrySet()) {
            int count = entry.getValue().get();
            total += count;
            if (count > 1) {
                requests++;
                extra += count - 1;
                most = Math.max(most, count);
                if (providers.get(entry.getKey()).size() > 1) {
                    both++;
                }
            }
        }
        return new Repeats(requests, extra, most, both, total);
    }
}
