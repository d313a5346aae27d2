package io.hybridllm.router.learning;

import java.util.Optional;

import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.Tier;

/**
 * What an outcome teaches: the difficulty a request turned out to have, as the level of the tier that answered it well
 * (local-fast 0, local-quality 0.5, cloud 1). A client's feedback below
 * {@link io.hybridllm.contracts.Feedback#GOOD_ENOUGH} says the answering tier was one too weak.
 */
public final class Difficulty {

    private Difficulty() {
    }

    public static double level(Tier tier) {
        return switch (tier) {
            case LOCAL_FAST -> 0.0;
            case LOCAL_QUALITY -> 0.5;
            case CLOUD -> 1.0;
        };
    }

    /** The tier a target stands for, for explanations. */
    public static Tier tierAt(double target) {
        return target >= 1.0 ? Tier.CLOUD : target >= 0.5 ? Tier.LOCAL_QUALITY : Tier.LOCAL_FAST;
    }

    /** A worker's outcome: the level of the tier that answered, escalated or not; none when nothing answered. */
    static Optional<Double> ofWorker(RequestOutcome outcome) {
        return Optional.ofNullable(outcome.answeredTier()).map(Difficulty::level);
    }

    /**
     * Feedback on an answer from {@code answered}: its level when good enough, else one level above; none above the
     * cloud tier, so a poor cloud answer teaches nothing about routing.
     */
    static Optional<Double> ofFeedback(double score, Tier answered) {
        if (score >= io.hybridllm.contracts.Feedback.GOOD_ENOUGH) {
            return Optional.of(level(answered));
        }
        return switch (answered) {
            case LOCAL_FAST -> Optional.of(level(Tier.LOCAL_QUALITY));
            case LOCAL_QUALITY -> Optional.of(level(Tier.CLOUD));
            case CLOUD -> Optional.empty();
        };
    }
}
