package io.hybridllm.cost.alerts;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How provider outages are derived from the workers' reports on {@code llm.control}. */
@ConfigMapping(prefix = "hybrid.provider-alerts")
public interface ProviderAlertsConfig {

    /**
     * A worker's reports count while it has been heard from on {@code llm.control} within this time. Workers repeat
     * their tier health every {@code hybrid.worker.health.report-interval} (30 s by default), so it must be longer; a
     * stopped worker's last word then no longer holds an outage open.
     */
    @WithDefault("90s")
    Duration staleAfter();

    /** How often each replica reviews the providers that are out, or reported out, for reports that went stale. */
    @WithDefault("15s")
    Duration reviewEvery();

    /**
     * Workers tracked at most; beyond it a new worker's reports are refused with a warning, once silent ones are gone.
     */
    @WithDefault("1000")
    int maxWorkers();

    /** Providers tracked at most; beyond it a new provider's reports are refused with a warning. */
    @WithDefault("200")
    int maxProviders();
}
