package io.hybridllm.cost.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.cost.alerts.ProviderOutages;
import io.hybridllm.cost.budget.PeriodRollover;
import io.hybridllm.cost.config.PolicyInForce;
import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Follows the policy the router publishes ({@code llm.control.policy}) and the workers' health reports
 * ({@code llm.control.health}), as every router replica does: each replica reads the whole of both compacted topics in
 * a group of its own (see application.properties), so a restarted one finds the policy in force. A change is measured
 * at once: every budget under the new {@code [cost]} and switching rules, its crossings announced through the outbox
 * like any other. Workers' provider and tier health reports go to {@link ProviderOutages}, which alerts provider
 * outages and recoveries; mode switches are this service's own.
 */
@ApplicationScoped
public class PolicyChangeConsumer {

    private final PolicyInForce policy;
    private final PeriodRollover reviews;
    private final ProviderOutages outages;

    public PolicyChangeConsumer(PolicyInForce policy, PeriodRollover reviews, ProviderOutages outages) {
        this.policy = policy;
        this.reviews = reviews;
        this.outages = outages;
    }

    @Incoming(Channels.CONTROL)
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        ControlEvent event;
        try {
            event = ControlEvent.read(record.topic(), record.value());
        } catch (InvalidMessageException e) {
            // A control topic is state, not work: an unreadable or misplaced event is skipped, loudly, and the policy
            // stands.
            Log.warnf("Control event skipped (%s, key %s): %s", record.topic(), record.key(), e.getMessage());
            return;
        }
        switch (event) {
            case ControlEvent.PolicyChange change -> {
                if (policy.apply(change)) {
                    reviews.reviewEveryScope();
                }
            }
            case ControlEvent.ProviderHealth report -> outages.report(report);
            case ControlEvent.TierHealth report -> outages.heard(report.scope(), report.at());
            case ControlEvent.ModeSwitch ignored -> {
                // This service's own switches; it does not follow their topic.
            }
        }
    }
}
