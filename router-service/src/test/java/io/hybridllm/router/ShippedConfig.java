package io.hybridllm.router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.hybridllm.router.privacy.PrivacyConfig;
import io.hybridllm.router.scoring.ScoringConfig;

/** The router's configuration as shipped in application.properties, for tests and benchmarks outside Quarkus. */
public final class ShippedConfig {

    record Scoring(int lengthSaturationChars, List<String> keywords, Map<String, Double> taskTypes)
            implements ScoringConfig {
    }

    record Privacy(boolean enabled, Map<String, String> detectors) implements PrivacyConfig {
    }

    private static final Properties PROPERTIES = load();

    public static ScoringConfig scoring() {
        Map<String, Double> taskTypes = new TreeMap<>();
        withPrefix("hybrid.router.scoring.task-types.")
                .forEach((type, value) -> taskTypes.put(type, Double.parseDouble(value)));
        List<String> keywords = Arrays.stream(PROPERTIES.getProperty("hybrid.router.scoring.keywords").split(","))
                .map(String::strip).filter(keyword -> !keyword.isEmpty()).toList();
        return new Scoring(4000, keywords, taskTypes);
    }

    public static PrivacyConfig privacy() {
        return new Privacy(true, withPrefix("hybrid.router.privacy.detectors."));
    }

    public static Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new TreeMap<>();
        PROPERTIES.stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> found.put(key.substring(prefix.length()), PROPERTIES.getProperty(key)));
        return found;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ShippedConfig.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private ShippedConfig() {
    }
}
