package io.hybridllm.launcher.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Casts for YAML read as plain maps and lists, failing with what was found instead. */
final class Yamls {

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new AssertionError("expected a mapping, found " + value);
        }
        return (Map<String, Object>) map;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new AssertionError("expected a sequence, found " + value);
        }
        return (List<Object>) list;
    }

    static Map<String, Map<String, Object>> mapOfMaps(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        map(value).forEach((key, entry) -> result.put(key, map(entry)));
        return result;
    }

    private Yamls() {
    }
}
