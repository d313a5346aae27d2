package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/** Every kustomization refers only to files that exist, and its patches and images to resources that exist. */
class KustomizationTest {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "namespace", "labels", "resources", "images",
            "configMapGenerator", "secretGenerator", "generatorOptions", "patches", "components");

    @Test
    void everyKustomizationUsesKnownFieldsAndExistingFiles() {
        List<Path> kustomizations = DeployFiles.files("deploy", "kustomization.yaml");
        assertThat(kustomizations).hasSize(4);
        for (Path kustomization : kustomizations) {
            Map<String, Object> content = Yamls.map(DeployFiles.yamlDocuments(kustomization).getFirst());
            assertThat(FIELDS).as(kustomization.toString()).containsAll(content.keySet());
            Path dir = kustomization.getParent();
            for (Object resource : Yamls.list(content.getOrDefault("resources", List.of()))) {
                Path target = dir.resolve(resource.toString()).normalize();
                assertThat(Files.isRegularFile(target) || Files.exists(target.resolve("kustomization.yaml")))
                        .as(kustomization + " -> " + resource).isTrue();
            }
            for (Object generator : Yamls.list(content.getOrDefault("configMapGenerator", List.of()))) {
                for (String key : List.of("files", "envs")) {
                    for (Object file : Yamls.list(Yamls.map(generator).getOrDefault(key, List.of()))) {
                        assertThat(dir.resolve(file.toString())).as(kustomization + " -> " + file).isRegularFile();
                    }
                }
            }
        }
    }

    @Test
    void everyPatchTargetsAResourceTheOverlayHas() {
        for (String overlay : List.of("dev", "prod")) {
            Path kustomization = DeployFiles.path("deploy/kubernetes/overlays/" + overlay + "/kustomization.yaml");
            List<Manifests.Manifest> resources = resources(kustomization.getParent());
            for (Object patch : Yamls.list(Yamls.map(DeployFiles.yamlDocuments(kustomization).getFirst())
                    .getOrDefault("patches", List.of()))) {
                Map<String, Object> target = Yamls.map(Yamls.map(patch).get("target"));
                String names = String.valueOf(target.getOrDefault("name", ".*"));
                assertThat(resources).as(overlay + ": " + target).anySatisfy(resource -> {
                    assertThat(resource.kind()).isEqualTo(target.get("kind"));
                    assertThat(resource.name()).matches(names);
                });
            }
        }
    }

    @Test
    void everyImageTheBaseTagsIsOneADeploymentRuns() {
        Path base = DeployFiles.path("deploy/kubernetes/base");
        List<String> images = resources(base).stream().map(Manifests.Manifest::model)
                .filter(Deployment.class::isInstance).map(Deployment.class::cast)
                .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream()).map(c -> c.getImage())
                .toList();
        for (Object image : Yamls.list(
                Yamls.map(DeployFiles.yamlDocuments(base.resolve("kustomization.yaml")).getFirst()).get("images"))) {
            assertThat(images).contains(Yamls.map(image).get("name").toString());
        }
    }

    /** The resources a kustomization includes, following directories into their own kustomizations. */
    private static List<Manifests.Manifest> resources(Path dir) {
        List<Manifests.Manifest> all = new ArrayList<>();
        Map<String, Object> content = Yamls
                .map(DeployFiles.yamlDocuments(dir.resolve("kustomization.yaml")).getFirst());
        for (Object resource : Yamls.list(content.getOrDefault("resources", List.of()))) {
            Path target = dir.resolve(resource.toString()).normalize();
            if (Files.isDirectory(target)) {
                all.addAll(resources(target));
            } else {
                all.addAll(Manifests.read(target, DeployFiles.read(target)));
            }
        }
        return all;
    }
}
