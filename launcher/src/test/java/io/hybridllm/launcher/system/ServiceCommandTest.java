package io.hybridllm.launcher.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What the launcher's environment adds to a service's command line. */
class ServiceCommandTest {

    private static final Path JAR = Path.of("ingest-service/target/quarkus-app/quarkus-run.jar");

    @Test
    void aServiceRunsWithTheLaunchersHeapAlone() {
        assertThat(ServiceProcess.command("java", "ingest-service", JAR, Map.of())).containsExactly("java", "-Xmx512m",
                "-jar", JAR.toString());
    }

    @Test
    void jvmOptionsComeAfterTheLaunchersOwnSoTheyWin() {
        var command = ServiceProcess.command("java", "ingest-service", JAR,
                Map.of(ServiceProcess.JVM_OPTIONS, "  -XX:TieredStopAtLevel=1   -Xmx1g "));
        assertThat(command).containsExactly("java", "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xmx1g", "-jar",
                JAR.toString());
    }

    @Test
    void blankOptionsAddNothing() {
        assertThat(ServiceProcess.command("java", "ingest-service", JAR, Map.of(ServiceProcess.JVM_OPTIONS, "  ")))
                .containsExactly("java", "-Xmx512m", "-jar", JAR.toString());
    }
}
