package io.hybridllm.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A TOML table being read: typed values with defaults and ranges, and a list of the keys read, so that any other key is
 * reported as unknown (a typo must not be silently ignored).
 */
final class Table {

    private final ObjectNode node;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    Table(JsonNode node, String path, Problems problems) {
        this.node = node instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode();
        this.path = path;
        this.problems = problems;
        if (node != null && !node.isObject() && !node.isMissingNode()) {
            problems.add(path, "must be a table");
        }
    }

    String key(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    JsonNode raw(String name) {
        known.add(name);
        return node.get(name);
    }

    Table table(String name) {
        return new Table(raw(name), key(name), problems);
    }

    /** The names of this table's subtables, e.g. the providers under {@code [providers]}. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        known.addAll(names);
        return names;
    }

    Iterator<Map.Entry<String, JsonNode>> entries() {
        node.fieldNames().forEachRemaining(known::add);
        return node.fields();
    }

    String text(String name, String fallback) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isTextual()) {
            problems.add(key(name), "must be a string");
            return fallback;
        }
        return value.asText();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.add(key(name), "must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    Integer integer(String name, Integer fallback, int min, int max) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.add(key(name), "must be a whole number from " + min + " to " + max);
            return fallback;
        }
        return value.asInt();
    }

    double number(String name, double fallback, double min, double max) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            problems.add(key(name), "must be a number from " + min + " to " + max);
            return fallback;
        }
        return value.asDouble();
    }

    BigDecimal money(String name, BigDecimal fallback) {
        JsonNode value = raw(name);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber() || value.decimalValue().signum() < 0) {
            problems.add(key(name), "must be an amount >= 0");
            return fallback;
        }
        return value.decimalValue();
    }

    List<String> texts(String name) {
        JsonNode value = raw(name);
        if (value == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        if (!value.isArray()) {
            problems.add(key(name), "must be a list of strings");
            return texts;
        }
        value.forEach(element -> {
            if (element.isTextual()) {
                texts.add(element.asText());
            } else {
                problems.add(key(name), "must hold only strings, not " + element);
            }
        });
        return texts;
    }

    /** Reports every key of this table that was never read. */
    void rejectUnknown() {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                problems.add(key(name), "is not a known key here; known: " + String.join(", ", new TreeSet<>(known)));
            }
        });
    }
}
