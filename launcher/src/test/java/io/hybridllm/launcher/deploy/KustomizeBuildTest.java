package io.hybridllm.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * Renders each overlay with {@code kubectl kustomize} (offline) where kubectl is installed, and reads what comes out
 * against the schemas: this is what catches a patch that produces an invalid resource. Skipped without kubectl.
 */
class KustomizeBuildTest {

    @ParameterizedTest
    @ValueSource(strings = { "dev", "prod" })
    void theOverlayRendersToValidResourcesInItsNamespace(String overlay) throws Exception {
        Path kubectl = kubectl();
        assumeTrue(kubectl != null, "kubectl is not installed: the overlays were checked file by file only");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize",
                DeployFiles.path("deploy/kubernetes/overlays/" + overlay).toString()).redirectErrorStream(true).start();
        String rendered = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(rendered).isZero();

        List<Manifests.Manifest> resources = Manifests.read(Path.of(overlay), rendered);
        String namespace = overlay.equals("prod") ? "hybrid" : "hybrid-dev";
        assertThat(resources).hasSizeGreaterThan(30);
        assertThat(resources.stream().map(Manifests.Manifest::model).filter(ConfigMap.class::isInstance)
                .map(ConfigMap.class::cast).filter(c -> c.getMetadata().getName().startsWith("hybrid-config-")))
                        .singleElement().satisfies(config -> {
                            assertThat(config.getMetadata().getNamespace()).isEqualTo(namespace);
                            assertThat(config.getData()).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "DB_HOST", "DB_PORT");
                        });
        assertThat(rendered).contains("bootstrapServers: hybrid-kafka-kafka-bootstrap." + namespace + ".svc:9093");
    }

    private static Path kubectl() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
