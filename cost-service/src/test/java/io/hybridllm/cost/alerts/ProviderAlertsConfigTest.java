package io.hybridllm.cost.alerts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A setting that cannot work is refused at startup, by its name. */
class ProviderAlertsConfigTest {

    private record Settings(Duration staleAfter, Duration reviewEvery, int maxWorkers, int maxProviders)
            implements ProviderAlertsConfig {
    }

    @Test
    void nonPositiveSettingsAreRefusedByName() {
        Duration second = Duration.ofSeconds(1);
        assertThatThrownBy(() -> start(new Settings(Duration.ZERO, second, 1, 1)))
                .hasMessage("hybrid.provider-alerts.stale-after (application.properties): must be positive, not PT0S");
        assertThatThrownBy(() -> start(new Settings(second, Duration.ofSeconds(-1), 1, 1)))
                .hasMessageStartingWith("hybrid.provider-alerts.review-every");
        assertThatThrownBy(() -> start(new Settings(second, second, 0, 1)))
                .hasMessageStartingWith("hybrid.provider-alerts.max-workers");
        assertThatThrownBy(() -> start(new Settings(second, second, 1, 0)))
                .hasMessageStartingWith("hybrid.provider-alerts.max-providers");
    }

    private static void start(ProviderAlertsConfig config) {
        new ProviderOutages(null, null, config, Clock.systemUTC());
    }
}
