package io.hybridllm.launcher.faults;

import java.math.BigDecimal;
import java.time.Duration;

import io.hybridllm.testkit.simulators.FaultRates;

/**
 * One fault-injection run.
 *
 * @param requests
 *            how many requests to submit, half through Kafka (with a {@code reply_to} topic) and half over HTTP
 * @param rate
 *            submissions per second
 * @param seed
 *            every random choice (kills, faults, request mix) follows from it, so a run can be repeated
 * @param workerKills
 *            the most worker processes to SIGKILL and restart (0: none)
 * @param killEvery
 *            the mean time between two kills; each is drawn between half and one and a half of it
 * @param restartInfrastructure
 *            restart the Kafka broker once and PostgreSQL once, and stop ingest and cost once each as a rolling deploy
 *            does (SIGTERM, then started again), at moments of the run the seed draws
 * @param providerFaults
 *            the faults each simulated provider draws per call while requests are submitted
 * @param outage
 *            how long the simulated Ollama is down, from a fifth into the run (zero: no outage)
 * @param budgetUsd
 *            the run's own tenant gets this monthly budget, small enough that it pauses
 * @param drain
 *            once every request is submitted, how long to wait without any new answer before the requests still open
 *            are counted as lost
 */
public record FaultOptions(int requests, int rate, long seed, int workerKills, Duration killEvery,
        boolean restartInfrastructure, FaultRates providerFaults, Duration outage, BigDecimal budgetUsd,
        Duration drain) {

    public FaultOptions {
        if (requests < 10 || rate < 1) {
            throw new IllegalArgumentException("a fault run needs at least 10 requests and a rate of 1 or more");
        }
    }

    /**
     * The long run: kills every 20 s on average, both restarts, 2% server errors, 2% 429s, 0.5% timeouts and 5% slow
     * answers, Ollama down for 20 s. Timeouts hang 5 s; the run's services give up on a call after 3 s.
     */
    public static FaultOptions full(int requests, int rate, long seed) {
        return new FaultOptions(
                requests, rate, seed, Integer.MAX_VALUE, Duration.ofSeconds(20), true, new FaultRates(0.02, 0.02, 0.005,
                        0.05, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500)),
                Duration.ofSeconds(20), budgetFor(requests), Duration.ofMinutes(5));
    }

    /**
     * $0.05, or less for a short run, so that every run's spend passes the pause threshold well before its end: a run
     * spends about $0.00002 per request (one in five is a priced cloud call), and $0.000012 per request puts the 80 %
     * pause at about half the run.
     */
    static BigDecimal budgetFor(int requests) {
        return new BigDecimal("0.000012").multiply(BigDecimal.valueOf(requests)).min(new BigDecimal("0.05"));
    }

    /** The quick run of the normal test command: one worker kill, no infrastructure restarts, light faults. */
    public static FaultOptions quick(int requests, int rate, long seed) {
        return new FaultOptions(requests, rate, seed, 1, Duration.ofSeconds(4), false,
                new FaultRates(0.03, 0.03, 0.01, 0.05, Duration.ofSeconds(1), Duration.ofSeconds(4),
                        Duration.ofMillis(300)),
                Duration.ofSeconds(3), new BigDecimal("0.002"), Duration.ofSeconds(60));
    }

    /** How long the submissions take at the rate. */
    public Duration submitting() {
        return Duration.ofMillis(1000L * requests / rate);
    }
}
