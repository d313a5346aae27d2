package io.hybridllm.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects problems, naming for each key the file that set it (or the nearest table it sits in). */
final class Problems {

    private final Map<String, String> provenance;
    private final String fallbackFile;
    private final List<PolicyProblem> found = new ArrayList<>();
    private final List<PolicyProblem> warnings = new ArrayList<>();

    Problems(Map<String, String> provenance, String fallbackFile) {
        this.provenance = provenance;
        this.fallbackFile = fallbackFile;
    }

    void add(String key, String reason) {
        found.add(new PolicyProblem(fileOf(key), key, reason));
    }

    /**
     * A key accepted without the effect its name promises: a warning with the reason, for a key an operator's file set
     * (the built-in default is written to carry none).
     */
    void warn(String key, String reason) {
        String file = fileOf(key);
        if (!file.equals(PolicyLoader.BUILT_IN)) {
            warnings.add(new PolicyProblem(file, key, reason));
        }
    }

    List<PolicyProblem> warnings() {
        return List.copyOf(warnings);
    }

    private String fileOf(String key) {
        for (String path = key; !path.isEmpty(); path = path.contains(".") ? path.substring(0, path.lastIndexOf('.'))
                : "") {
            String file = provenance.get(path);
            if (file != null) {
                return file;
            }
        }
        return fallbackFile;
    }

    boolean any() {
        return !found.isEmpty();
    }

    List<PolicyProblem> all() {
        return found;
    }
}
