package io.hybridllm.launcher.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/** The Kubernetes resources of a folder under deploy/kubernetes, each read into its model. */
record Manifests(List<Manifest> all) {

    /** One resource: where it is written, and its model. */
    record Manifest(Path file, String kind, String name, Object model) {
    }

    /** Every resource in the folder's YAML files, kustomizations aside; reading fails on the first schema error. */
    static Manifests in(String folder) {
        List<Manifest> all = new ArrayList<>();
        for (Path file : DeployFiles.files(folder, ".yaml", ".yml")) {
            if (!file.getFileName().toString().equals("kustomization.yaml")) {
                all.addAll(read(file, DeployFiles.read(file)));
            }
        }
        return new Manifests(all);
    }

    /** The resources of one multi-document YAML text, e.g. what {@code kubectl kustomize} renders. */
    static List<Manifest> read(Path file, String yaml) {
        List<Manifest> all = new ArrayList<>();
        int index = 0;
        for (String document : yaml.split("(?m)^---\\s*$")) {
            JsonNode node = StrictModels.tree(document);
            index++;
            if (node == null || node.isMissingNode() || node.isNull()) {
                continue;
            }
            try {
                all.add(new Manifest(file, node.path("kind").asText(), node.path("metadata").path("name").asText(),
                        StrictModels.read(node)));
            } catch (IllegalArgumentException e) {
                throw new AssertionError(file + ", document " + index + ": " + e.getMessage(), e);
            }
        }
        return all;
    }

    <T> List<T> of(Class<T> type) {
        return all.stream().map(Manifest::model).filter(type::isInstance).map(type::cast).toList();
    }

    <T> List<T> of(Class<T> type, Predicate<T> filter) {
        return of(type).stream().filter(filter).toList();
    }
}
