package io.hybridllm.router.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.Tier;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.policy.Policy;

/** The outcome memory's bounds, its nearest-outcomes scan, and the estimate made of it. */
class OutcomeMemoryTest {

    private static final OutcomeMemory.Limits ROOMY = new OutcomeMemory.Limits(100, 1000, 10);

    static float[] unit(float... values) {
        return Vectors.normalised(values);
    }

    private static OutcomeMemory.Held held(String id, float[] vector, Tier answered) {
        return new OutcomeMemory.Held(id, vector, answered, Difficulty.level(answered));
    }

    @Test
    void theNearestAreTheMostAlikeAtLeastTheSimilarityAskedForMostAlikeFirst() {
        OutcomeMemory memory = new OutcomeMemory();
        memory.learn("acme", held("far", unit(0, 1, 0), Tier.CLOUD), ROOMY);
        memory.learn("acme", held("near", unit(1, 0.1f, 0), Tier.CLOUD), ROOMY);
        memory.learn("acme", held("same", unit(1, 0, 0), Tier.LOCAL_FAST), ROOMY);
        memory.learn("acme", held("close", unit(1, 0.3f, 0), Tier.LOCAL_QUALITY), ROOMY);

        List<OutcomeMemory.Neighbour> nearest = memory.nearest("acme", unit(1, 0, 0), 2, 0.5);
        assertThat(nearest).extracting(n -> n.outcome().requestId()).containsExactly("same", "near");
        assertThat(memory.nearest("acme", unit(1, 0, 0), 10, 0.5)).extracting(n -> n.outcome().requestId())
                .containsExactly("same", "near", "close");
    }

    @Test
    void theScansSimilarityIsTheCosineOfUnitVectors() {
        java.util.Random random = new java.util.Random(3);
        for (int length : new int[] { 1, 3, 384, 385 }) {
            float[] a = new float[length];
            float[] b = new float[length];
            for (int i = 0; i < length; i++) {
                a[i] = (float) random.nextGaussian();
                b[i] = (float) random.nextGaussian();
            }
            float[] ua = Vectors.normalised(a);
            float[] ub = Vectors.normalised(b);
            assertThat(OutcomeMemory.dot(ua, ub)).isCloseTo(Vectors.similarity(ua, ub),
                    org.assertj.core.api.Assertions.within(1e-5));
        }
    }

    @Test
    void aTenantsOutcomesNeverReachAnotherTenant() {
        OutcomeMemory memory = new OutcomeMemory();
        memory.learn("acme", held("a", unit(1, 0), Tier.CLOUD), ROOMY);
        assertThat(memory.nearest("globex", unit(1, 0), 10, 0)).isEmpty();
        assertThat(memory.held("globex", "a")).isEmpty();
    }

    @Test
    void theNewestOutcomeOfARequestReplacesTheOlder() {
        OutcomeMemory memory = new OutcomeMemory();
        memory.learn("acme", held("a", unit(1, 0), Tier.LOCAL_FAST), ROOMY);
        memory.learn("acme", held("a", unit(1, 0), Tier.CLOUD), ROOMY);
        assertThat(memory.size()).isEqualTo(1);
        assertThat(memory.held("acme", "a")).get().extracting(OutcomeMemory.Held::target).isEqualTo(1.0);
        memory.forget("acme", "a");
        assertThat(memory.size()).isZero();
    }

    @Test
    void overTheTenantsBoundItsOldestGoFirst() {
        OutcomeMemory memory = new OutcomeMemory();
        OutcomeMemory.Limits limits = new OutcomeMemory.Limits(2, 1000, 10);
        memory.learn("acme", held("a1", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("globex", held("g1", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("acme", held("a2", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("acme", held("a3", unit(1, 0), Tier.CLOUD), limits);
        assertThat(memory.held("acme", "a1")).isEmpty();
        assertThat(memory.size("acme")).isEqualTo(2);
        assertThat(memory.held("globex", "g1")).as("another tenant's outcomes are not pushed out").isPresent();
    }

    @Test
    void overTheTotalBoundTheOldestOfAnyTenantGoes() {
        OutcomeMemory memory = new OutcomeMemory();
        OutcomeMemory.Limits limits = new OutcomeMemory.Limits(10, 2, 10);
        memory.learn("acme", held("a1", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("globex", held("g1", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("acme", held("a2", unit(1, 0), Tier.CLOUD), limits);
        assertThat(memory.size()).isEqualTo(2);
        assertThat(memory.held("acme", "a1")).isEmpty();
    }

    @Test
    void aNewTenantOverTheTenantBoundPushesOutTheTenantOfTheOldestOutcome() {
        OutcomeMemory memory = new OutcomeMemory();
        OutcomeMemory.Limits limits = new OutcomeMemory.Limits(10, 100, 2);
        memory.learn("acme", held("a1", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("globex", held("g1", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("acme", held("a2", unit(1, 0), Tier.CLOUD), limits);
        memory.learn("initech", held("i1", unit(1, 0), Tier.CLOUD), limits);
        assertThat(memory.size("acme")).isZero();
        assertThat(memory.size("globex")).isEqualTo(1);
        assertThat(memory.size("initech")).isEqualTo(1);
        assertThat(memory.size()).isEqualTo(2);
    }

    @Test
    void theEstimateIsTheMeanTargetAndSaysWhichTiersTheNeighboursNeeded() {
        OutcomeMemory memory = new OutcomeMemory();
        for (int i = 0; i < 7; i++) {
            memory.learn("acme", held("c" + i, unit(1, 0.01f * i), Tier.CLOUD), ROOMY);
        }
        memory.learn("acme", held("q1", unit(1, 0.1f), Tier.LOCAL_QUALITY), ROOMY);
        memory.learn("acme", held("q2", unit(1, 0.11f), Tier.LOCAL_QUALITY), ROOMY);
        memory.learn("acme", held("f1", unit(1, 0.12f), Tier.LOCAL_FAST), ROOMY);
        Policy.Learned settings = Policy.Learned.DEFAULTS;

        LearnedEstimate estimate = LearnedEstimate.of(memory.nearest("acme", unit(1, 0), 10, 0.5), settings);
        assertThat(estimate.hasOpinion()).isTrue();
        assertThat(estimate.value()).isEqualTo(0.8);
        assertThat(estimate.detail()).isEqualTo("7 of the 10 most similar past requests needed the cloud tier,"
                + " 2 local-quality, 1 local-fast (similarity >= 0.50)");
    }

    @Test
    void tooFewSimilarOutcomesGiveNoOpinion() {
        OutcomeMemory memory = new OutcomeMemory();
        memory.learn("acme", held("c1", unit(1, 0), Tier.CLOUD), ROOMY);
        memory.learn("acme", held("c2", unit(1, 0.1f), Tier.CLOUD), ROOMY);
        memory.learn("acme", held("other", unit(0, 1), Tier.CLOUD), ROOMY);

        LearnedEstimate estimate = LearnedEstimate.of(memory.nearest("acme", unit(1, 0), 10, 0.5),
                Policy.Learned.DEFAULTS);
        assertThat(estimate.hasOpinion()).isFalse();
        assertThat(estimate.detail())
                .isEqualTo("2 similar past outcomes (similarity >= 0.50), fewer than 3: the fixed formula rules");
        assertThat(LearnedEstimate.of(List.of(), Policy.Learned.DEFAULTS).detail()).startsWith("no similar");
    }
}
