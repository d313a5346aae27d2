package io.hybridllm.cost.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How decided messages leave the outbox. */
@ConfigMapping(prefix = "hybrid.outbox")
public interface OutboxConfig {

    /**
     * Whether this replica publishes. Off, messages wait in the outbox for a replica that does; the restart test uses
     * it to leave a decided message unsent when the process dies.
     */
    @WithDefault("true")
    boolean publish();

    /**
     * How often each replica looks for unsent messages, e.g. left by a replica that died after deciding them. A commit
     * that writes messages wakes the publisher at once; this is the safety net.
     */
    Duration pollEvery();

    /** How long one send may wait for Kafka's acknowledgement before it is tried again. */
    @WithDefault("10s")
    Duration sendTimeout();
}
