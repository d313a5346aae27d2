package io.hybridllm.contracts;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What whoever pays or operates must know, on {@value Topics#ALERTS}, keyed by tenant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Alert.Budget.class, name = "budget"),
        @JsonSubTypes.Type(value = Alert.ProviderOutage.class, name = "provider_outage"),
        @JsonSubTypes.Type(value = Alert.ProviderRecovered.class, name = "provider_recovered") })
public sealed interface Alert {

    String id();

    String tenant();

    Instant at();

    /** A budget crossed a threshold (warn, pause) or came back under it (resume). */
    record Budget(int schemaVersion, String id, String tenant, Level level, String period, BigDecimal spendUsd,
            BigDecimal budgetUsd, BigDecimal forecastUsd, int percent, Instant at) implements Alert {
    }

    /**
     * A provider became unusable: some worker's circuit for it opened, or its health checks failed, {@code since} the
     * earliest such report. Once per outage; {@code id} is derived from provider and {@code since}.
     */
    record ProviderOutage(int schemaVersion, String id, String tenant, String provider, Instant since, String detail,
            Instant at) implements Alert {
    }

    /**
     * The provider of the outage that began {@code since} is usable again: every worker that reported it out reports it
     * closed or healthy, or is no longer heard from. A variant of its own rather than a state on
     * {@link ProviderOutage}, so that a reader that does not know it refuses it instead of reading it as an outage.
     */
    record ProviderRecovered(int schemaVersion, String id, String tenant, String provider, Instant since,
            long durationSeconds, String detail, Instant at) implements Alert {
    }

    enum Level {
        WARN, PAUSE, RESUME
    }
}
