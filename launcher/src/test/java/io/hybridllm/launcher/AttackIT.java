package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.launcher.attack.AttackSuite;

/**
 * The quick version of {@code hybrid attack}: a short honest phase alone and under attack, every attempt made once. It
 * fails when an attempt is not contained (known gaps aside) or an honest request is lost.
 */
class AttackIT {

    @Test
    void everyAttemptIsRefusedOrContainedAndTheHonestTenantLosesNothing() throws Exception {
        Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
        List<String> failed = AttackSuite.run(home, new AttackSuite.Options(Duration.ofSeconds(10), 5), System.out);
        assertThat(failed).isEmpty();
    }
}
