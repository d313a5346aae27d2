package io.hybridllm.cost.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The time budgets are measured by: which period is current, when one ends, forecasts. A bean, so that a test can move
 * it across a period boundary instead of waiting for midnight.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
