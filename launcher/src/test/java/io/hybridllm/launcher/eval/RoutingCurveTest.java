package io.hybridllm.launcher.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The routing metrics: oracle, reversed oracle, random, and a hand-computed example. */
class RoutingCurveTest {

    /** Half the prompts need the strong tier (weak fails, strong succeeds), half are fine on either. */
    private static List<LabelledPrompt> halfNeedStrong(int n) {
        List<LabelledPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prompts.add(new LabelledPrompt("p" + i, i % 2 == 0, true, null));
        }
        return prompts;
    }

    /** 1 where the weak tier fails: the oracle's score. */
    private static double[] oracle(List<LabelledPrompt> prompts) {
        return prompts.stream().mapToDouble(p -> p.weakOk() ? 0 : 1).toArray();
    }

    @Test
    void theOracleRecoversTheGapWithTheFewestStrongCalls() {
        List<LabelledPrompt> prompts = halfNeedStrong(100);
        RoutingCurve curve = new RoutingCurve(prompts);
        RoutingCurve.Summary summary = curve.ofScores(oracle(prompts), 1);
        // PGR climbs to 1 over the first half and stays: area 1 - 0.5/2.
        assertThat(summary.apgr()).isCloseTo(0.75, within(1e-9));
        assertThat(summary.shareAt50()).isEqualTo(0.25);
        assertThat(summary.shareAt80()).isEqualTo(0.40);
    }

    @Test
    void theReversedOracleRecoversNothingUntilTheEnd() {
        List<LabelledPrompt> prompts = halfNeedStrong(100);
        double[] reversed = oracle(prompts);
        for (int i = 0; i < reversed.length; i++) {
            reversed[i] = -reversed[i];
        }
        RoutingCurve.Summary summary = new RoutingCurve(prompts).ofScores(reversed, 1);
        assertThat(summary.apgr()).isCloseTo(0.25, within(1e-9));
        assertThat(summary.shareAt50()).isEqualTo(0.75);
        assertThat(summary.shareAt80()).isEqualTo(0.90);
    }

    @Test
    void whenOnlyAFewNeedTheStrongTierTheOracleComesNearOne() {
        List<LabelledPrompt> prompts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            prompts.add(new LabelledPrompt("p" + i, i % 100 != 0, true, null));
        }
        assertThat(new RoutingCurve(prompts).ofScores(oracle(prompts), 1).apgr()).isGreaterThan(0.99);
    }

    @Test
    void randomOrdersAverageHalfTheArea() {
        List<LabelledPrompt> prompts = new ArrayList<>();
        Random labels = new Random(3);
        for (int i = 0; i < 200; i++) {
            prompts.add(new LabelledPrompt("p" + i, labels.nextDouble() < 0.4, labels.nextDouble() < 0.9, null));
        }
        RoutingCurve.Summary random = new RoutingCurve(prompts).random(7, 1000);
        assertThat(random.apgr()).isCloseTo(0.5, within(0.02));
        assertThat(random.shareAt50()).isCloseTo(0.5, within(0.05));
        assertThat(random.shareAt80()).isCloseTo(0.8, within(0.05));
    }

    @Test
    void aHandComputedCurve() {
        // weak/strong ok: A 1/1, B 0/1, C 0/0, D 0/1. perf(0) = 1/4, perf(4) = 3/4: a gap of two prompts.
        List<LabelledPrompt> prompts = List.of(new LabelledPrompt("A", true, true, null),
                new LabelledPrompt("B", false, true, null), new LabelledPrompt("C", false, false, null),
                new LabelledPrompt("D", false, true, null));
        RoutingCurve curve = new RoutingCurve(prompts);
        // Order by score: C (0.9), B (0.8), A (0.5), D (0.1).
        double[] pgr = curve
                .pgr(RoutingCurve.strongFirst(new double[] { 0.5, 0.8, 0.9, 0.1 }, new int[] { 0, 1, 2, 3 }));
        assertThat(pgr).containsExactly(0, 0, 0.5, 0.5, 1);
        RoutingCurve.Summary summary = RoutingCurve.summarise(pgr);
        // Trapezoids of width 1/4: (0 + 0.25 + 0.5 + 0.75) / 4.
        assertThat(summary.apgr()).isCloseTo(0.375, within(1e-9));
        assertThat(summary.shareAt50()).isEqualTo(0.5);
        assertThat(summary.shareAt80()).isEqualTo(1.0);
    }

    @Test
    void tiesGoByTheSeededOrderAndTheSameSeedGivesTheSameOrder() {
        int[] ranks = RoutingCurve.tieRanks(50, 9);
        assertThat(RoutingCurve.tieRanks(50, 9)).containsExactly(ranks);
        int[] order = RoutingCurve.strongFirst(new double[50], ranks);
        for (int position = 0; position < order.length; position++) {
            assertThat(ranks[order[position]]).isEqualTo(position);
        }
    }

    @Test
    void withoutAGapThereIsNothingToRecover() {
        RoutingCurve curve = new RoutingCurve(
                List.of(new LabelledPrompt("A", true, true, null), new LabelledPrompt("B", true, false, null)));
        assertThat(curve.hasGap()).isFalse();
    }
}
