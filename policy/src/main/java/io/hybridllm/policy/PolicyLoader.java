package io.hybridllm.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Finds, merges and validates the policy. Layers, lowest first: the built-in default, {@code /etc/hybrid/config.toml},
 * {@code ~/.config/hybrid/config.toml}, {@code ./hybrid.toml}, and the file {@code HYBRID_CONFIG} names. Tables merge
 * key by key; a value or an array in a higher layer replaces the lower one.
 */
public final class PolicyLoader {

    public static final String ENV = "HYBRID_CONFIG";
    static final String BUILT_IN = "built-in default policy";
    private static final String DEFAULT_RESOURCE = "/io/hybridllm/policy/default-policy.toml";
    private static final TomlMapper TOML = new TomlMapper();

    /**
     * A policy with what it was made of: the merged tree (to show the effective policy), its files, and the keys it
     * accepted that have no effect (each with its file and what it does not do).
     */
    public record Loaded(Policy policy, ObjectNode tree, List<String> sources, List<PolicyProblem> warnings) {

        public String toToml() {
            try {
                return TOML.writeValueAsString(tree);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The files of the layered lookup that exist, lowest priority first. */
    public static List<Path> lookup(Map<String, String> env, Path workingDir, Path home) {
        List<Path> layers = new ArrayList<>();
        for (Path candidate : List.of(Path.of("/etc/hybrid/config.toml"),
                home.resolve(".config").resolve("hybrid").resolve("config.toml"), workingDir.resolve("hybrid.toml"))) {
            if (Files.isRegularFile(candidate)) {
                layers.add(candidate);
            }
        }
        String named = env.get(ENV);
        if (named != null && !named.isBlank()) {
            // Named explicitly: a missing file is an error, not a layer to skip.
            layers.add(Path.of(named));
        }
        return layers;
    }

    /** The policy of this process: the layered lookup from its environment, directory and home. */
    public static Loaded load() {
        return load(lookup(System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home"))));
    }

    /** The built-in default with {@code layers} merged over it, lowest first. */
    public static Loaded load(List<Path> layers) {
        Map<String, String> texts = new LinkedHashMap<>();
        List<PolicyProblem> unreadable = new ArrayList<>();
        for (Path layer : layers) {
            try {
                texts.put(layer.toString(), Files.readString(layer, StandardCharsets.UTF_8));
            } catch (IOException e) {
                unreadable.add(new PolicyProblem(layer.toString(), "", "cannot be read: " + e.getMessage()));
            }
        }
        return merge(texts, unreadable);
    }

    /** The built-in default with one policy text merged over it, e.g. one published to every router replica. */
    public static Loaded fromText(String toml, String source) {
        return merge(Map.of(source, toml), new ArrayList<>());
    }

    private static Loaded merge(Map<String, String> layers, List<PolicyProblem> problems) {
        Map<String, String> provenance = new LinkedHashMap<>();
        ObjectNode tree = parse(defaultPolicy(), BUILT_IN, problems);
        mark(tree, "", BUILT_IN, provenance);
        List<String> sources = new ArrayList<>(List.of(BUILT_IN));
        layers.forEach((file, text) -> {
            merge(tree, parse(text, file, problems), "", file, provenance);
            sources.add(file);
        });
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        String version = tree.hasNonNull("version") ? tree.get("version").asText() : "sha256:" + digest(tree);
        Problems found = new Problems(provenance, sources.getLast());
        Policy policy = new PolicyReader(found).read(tree, version);
        return new Loaded(policy, tree, List.copyOf(sources), found.warnings());
    }

    /** The keys whose values differ between two policies, e.g. {@code ai.mode}: the audit of a change. */
    public static List<String> changedKeys(Loaded before, Loaded after) {
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> now = new LinkedHashMap<>();
        flatten(before.tree(), "", old);
        flatten(after.tree(), "", now);
        TreeSet<String> changed = new TreeSet<>();
        old.forEach((key, value) -> {
            if (!value.equals(now.get(key))) {
                changed.add(key);
            }
        });
        now.keySet().stream().filter(key -> !old.containsKey(key)).forEach(changed::add);
        changed.remove("version");
        return List.copyOf(changed);
    }

    private static void flatten(JsonNode node, String path, Map<String, String> into) {
        if (node instanceof ObjectNode table) {
            table.fields().forEachRemaining(entry -> flatten(entry.getValue(),
                    path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), into));
        } else {
            into.put(path, node.toString());
        }
    }

    private static ObjectNode parse(String toml, String file, List<PolicyProblem> problems) {
        try {
            JsonNode node = TOML.readTree(toml);
            return node instanceof ObjectNode object ? object : TOML.createObjectNode();
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            problems.add(new PolicyProblem(file, "", "is not valid TOML: " + e.getOriginalMessage() + where));
            return TOML.createObjectNode();
        }
    }

    private static void merge(ObjectNode target, ObjectNode source, String path, String file,
            Map<String, String> provenance) {
        source.fields().forEachRemaining(entry -> {
            String key = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            JsonNode existing = target.get(entry.getKey());
            if (existing instanceof ObjectNode table && entry.getValue() instanceof ObjectNode overlay) {
                merge(table, overlay, key, file, provenance);
            } else {
                target.set(entry.getKey(), entry.getValue());
                mark(entry.getValue(), key, file, provenance);
            }
        });
    }

    private static void mark(JsonNode node, String path, String file, Map<String, String> provenance) {
        if (!path.isEmpty()) {
            provenance.put(path, file);
        }
        if (node instanceof ObjectNode table) {
            table.fields().forEachRemaining(entry -> mark(entry.getValue(),
                    path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), file, provenance));
        }
    }

    private static String defaultPolicy() {
        try (InputStream in = PolicyLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(JsonNode tree) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(tree.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PolicyLoader() {
    }
}
