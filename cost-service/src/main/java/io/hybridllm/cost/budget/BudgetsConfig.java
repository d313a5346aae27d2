package io.hybridllm.cost.budget;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How budgets are measured. The budgets themselves come from the policy and from {@code PUT /v1/budgets}. */
@ConfigMapping(prefix = "hybrid.budgets")
public interface BudgetsConfig {

    /** Budget periods are calendar months and days in this zone, e.g. {@code Europe/Berlin}. */
    @WithDefault("UTC")
    ZoneId timeZone();

    /**
     * How often each replica looks for budgets whose period has ended, to start the new one (a resume and a switch
     * back, if the old period had switched). A period starts within this time of its calendar start.
     */
    Duration reviewEvery();
}
