package io.hybridllm.router.control;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.hybridllm.contracts.Channels;
import io.hybridllm.contracts.ControlEvent;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.router.messaging.HeldRequests;
import io.hybridllm.router.routing.PolicyInForce;

/**
 * Follows the control topics ({@link io.hybridllm.contracts.Topics#CONTROL_TOPICS}). Every router replica reads the
 * whole of each compacted topic in a consumer group of its own (see application.properties), so all replicas hold the
 * same state: tier health, mode switches and the published policy. An event on a topic its kind does not belong on is
 * refused: only that topic's writer could have produced it.
 */
@ApplicationScoped
public class ControlConsumer {

    private static final Logger LOG = Logger.getLogger(ControlConsumer.class);

    private final TierHealthState tierHealth;
    private final ModeSwitchState modeSwitches;
    private final PolicyInForce policies;
    private final HeldRequests held;

    public ControlConsumer(TierHealthState tierHealth, ModeSwitchState modeSwitches, PolicyInForce policies,
            HeldRequests held) {
        this.tierHealth = tierHealth;
        this.modeSwitches = modeSwitches;
        this.policies = policies;
        this.held = held;
    }

    @Incoming(Channels.CONTROL)
    public void onControl(ConsumerRecord<String, String> record) {
        ControlEvent event;
        try {
            event = ControlEvent.read(record.topic(), record.value());
        } catch (InvalidMessageException e) {
            // A control topic is state, not work: an unreadable event is skipped, loudly, and the state stands.
            LOG.warnf("control event skipped (%s, key %s): %s", record.topic(), record.key(), e.getMessage());
            return;
        }
        switch (event) {
            case ControlEvent.TierHealth report -> {
                tierHealth.apply(report);
                LOG.infof("tier %s is %s: %s", report.tier().wireName(), report.healthy() ? "healthy" : "unhealthy",
                        report.detail());
            }
            case ControlEvent.ModeSwitch change -> {
                modeSwitches.apply(change);
                LOG.infof("mode for %s is %s: %s", change.scope(), change.mode(), change.reason());
            }
            case ControlEvent.PolicyChange change -> policies.applyPublished(change);
            case ControlEvent.ProviderHealth provider -> {
                // Provider circuits are the cloud workers' business; tier health is what routing follows.
            }
        }
        // Whatever changed may make a held request routable.
        held.recheckSoon();
    }
}
