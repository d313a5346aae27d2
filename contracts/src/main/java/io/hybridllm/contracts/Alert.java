package io.hybridllm.contracts;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What whoever pays or operates must know, on {@value Topics#ALERTS}, keyed by tenant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Alert.Budget.class, name = "budget"),
        @JsonSubTypes.Type(value = Alert.ProviderOutage.class, name = "provider_outage") })
public sealed interface Alert {

    String id();

    String tenant();

    Instant at();

    /** A budget crossed a threshold (warn, pause) or came back under it (resume). */
    record Budget(int schemaVersion, String id, String tenant, Level level, String period, BigDecimal spendUsd,
            BigDecimal budgetUsd, BigDecimal forecastUsd, int percent, Instant at) implements Alert {
    }

    /** A provider failed for long enough that requests are being routed around it. */
    record ProviderOutage(int schemaVersion, String id, String tenant, String provider, Instant since, String detail,
            Instant at) implements Alert {
    }

    enum Level {
        WARN, PAUSE, RESUME
    }
}
