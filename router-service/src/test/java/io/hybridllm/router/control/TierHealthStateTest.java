package io.hybridllm.router.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.Tier;

class TierHealthStateTest {

    private final TierHealthState health = new TierHealthState(Duration.ofSeconds(90));

    private void report(String worker, boolean healthy, Instant at) {
        health.apply(new ControlEvent.TierHealth(SchemaVersion.CURRENT, UUID.randomUUID().toString(),
                "tier:local-fast@" + worker, Tier.LOCAL_FAST, healthy, worker + (healthy ? " up" : " down"), at));
    }

    @Test
    void oneWorkerWithALiveBackendKeepsTheTierHealthy() {
        report("gpu-1", false, Instant.now());
        report("gpu-2", true, Instant.now());
        assertThat(health.isHealthy(Tier.LOCAL_FAST)).isTrue();

        report("gpu-2", false, Instant.now());
        assertThat(health.isHealthy(Tier.LOCAL_FAST)).isFalse();
        assertThat(health.why(Tier.LOCAL_FAST)).contains("gpu-1 down", "gpu-2 down");
    }

    @Test
    void anOlderReportDoesNotOverrideANewerOneAndStaleReportsDoNotCount() {
        report("gpu-1", false, Instant.now());
        report("gpu-1", true, Instant.now().minusSeconds(5));
        assertThat(health.isHealthy(Tier.LOCAL_FAST)).isFalse();

        TierHealthState later = new TierHealthState(Duration.ofSeconds(90));
        later.apply(new ControlEvent.TierHealth(SchemaVersion.CURRENT, "old", "tier:local-fast@gone", Tier.LOCAL_FAST,
                false, "a worker that stopped", Instant.now().minusSeconds(120)));
        assertThat(later.isHealthy(Tier.LOCAL_FAST)).isTrue();
        assertThat(later.why(Tier.LOCAL_FAST)).isEqualTo("no recent report");
    }
}
