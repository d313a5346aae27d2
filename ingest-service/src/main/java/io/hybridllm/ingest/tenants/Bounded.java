package io.hybridllm.ingest.tenants;

import java.util.Map;
import java.util.function.Predicate;

/** The bound of the maps of short-lived entries this package keeps per tenant or key. */
final class Bounded {

    /**
     * Whether {@code map} may take {@code key} without growing past {@code max}: a key it holds already, or room made
     * by dropping the entries that have {@code ended}. A full map of entries in force takes no more.
     */
    static <V> boolean roomFor(Map<String, V> map, String key, int max, Predicate<V> ended) {
        if (map.size() < max || map.containsKey(key)) {
            return true;
        }
        map.values().removeIf(ended);
        return map.size() < max;
    }

    private Bounded() {
    }
}
