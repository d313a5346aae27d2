package io.hybridllm.launcher.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.hybridllm.launcher.SimulatedSystem;

/**
 * The quick fault run of the normal test command: a few hundred requests through Kafka and HTTP while one worker is
 * SIGKILLed and restarted, the providers fail at small rates and Ollama is down for a moment, one poison record of each
 * kind goes to every consumed topic and malformed bodies to every endpoint. The same checks as {@code hybrid faults}:
 * nothing lost, nothing answered twice, every failure with a reason, the poison in the dead-letter topics, the services
 * healthy, the budget paused.
 */
class FaultsIT {

    @Test
    void aShortRunUnderFaultsLosesNothingAndAnswersNothingTwice() throws Exception {
        FaultRun run = new FaultRun(SimulatedSystem.get(), FaultOptions.quick(300, 15, 20261122L),
                SimulatedSystem.ADMIN_TOKEN, System.out);

        assertThat(run.run().failedChecks()).as("failed checks").isEmpty();
    }
}
