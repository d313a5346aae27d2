package io.hybridllm.launcher.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * RouteLLM's routing metrics over a labelled test set. Sending the {@code k} prompts a scorer ranks highest to the
 * strong tier and the rest to the weak one performs {@code perf(k)} = (strong_ok over those + weak_ok over the rest) /
 * n; the performance gap recovered is {@code PGR(k) = (perf(k) - perf(0)) / (perf(n) - perf(0))}; APGR is the area
 * under PGR over the strong-call share k/n in [0, 1] (trapezoids). Counts stay integers until the last division.
 */
final class RoutingCurve {

    /** A scorer's result: APGR, and the smallest strong-call shares whose PGR reaches 0.5 and 0.8. */
    record Summary(double apgr, double shareAt50, double shareAt80) {
    }

    private final boolean[] weakOk;
    private final boolean[] strongOk;
    private final int weakAlone;
    private final int strongAlone;

    RoutingCurve(List<LabelledPrompt> test) {
        if (test.isEmpty()) {
            throw new IllegalArgumentException("no test prompts");
        }
        int n = test.size();
        weakOk = new boolean[n];
        strongOk = new boolean[n];
        for (int i = 0; i < n; i++) {
            weakOk[i] = test.get(i).weakOk();
            strongOk[i] = test.get(i).strongOk();
        }
        weakAlone = count(weakOk);
        strongAlone = count(strongOk);
    }

    int size() {
        return weakOk.length;
    }

    /** perf(0): every prompt on the weak tier. */
    double weakPerformance() {
        return (double) weakAlone / size();
    }

    /** perf(n): every prompt on the strong tier. */
    double strongPerformance() {
        return (double) strongAlone / size();
    }

    /** Whether the strong tier alone does better than the weak one: without a gap, PGR is undefined. */
    boolean hasGap() {
        return strongAlone > weakAlone;
    }

    /** PGR(k) for k = 0..n, sending the prompts to the strong tier in the order given (prompt indices). */
    double[] pgr(int[] strongFirst) {
        if (!hasGap()) {
            throw new IllegalStateException("no gap between the tiers: PGR is undefined");
        }
        double[] curve = new double[size() + 1];
        int good = weakAlone;
        for (int k = 1; k <= size(); k++) {
            int prompt = strongFirst[k - 1];
            good += (strongOk[prompt] ? 1 : 0) - (weakOk[prompt] ? 1 : 0);
            curve[k] = (double) (good - weakAlone) / (strongAlone - weakAlone);
        }
        return curve;
    }

    /** The summary of scores (higher: more in need of the strong tier); ties go by the seeded random order. */
    Summary ofScores(double[] scores, long seed) {
        return summarise(pgr(strongFirst(scores, tieRanks(size(), seed))));
    }

    /** The random router: the mean PGR curve of {@code orders} seeded random orders. */
    Summary random(long seed, int orders) {
        double[] mean = new double[size() + 1];
        Random random = new Random(seed);
        for (int i = 0; i < orders; i++) {
            double[] curve = pgr(shuffled(size(), random));
            for (int k = 0; k < mean.length; k++) {
                mean[k] += curve[k] / orders;
            }
        }
        return summarise(mean);
    }

    /** APGR and the share thresholds of a PGR curve over k = 0..n. */
    static Summary summarise(double[] pgr) {
        int n = pgr.length - 1;
        double area = 0;
        for (int k = 1; k <= n; k++) {
            area += (pgr[k - 1] + pgr[k]) / 2 / n;
        }
        return new Summary(area, shareReaching(pgr, 0.5), shareReaching(pgr, 0.8));
    }

    private static double shareReaching(double[] pgr, double level) {
        int n = pgr.length - 1;
        for (int k = 0; k <= n; k++) {
            if (pgr[k] >= level - 1e-12) {
                return (double) k / n;
            }
        }
        return 1.0;
    }

    /** Prompt indices by score, highest first; equal scores in the order of {@code tieRank}. */
    static int[] strongFirst(double[] scores, int[] tieRank) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, scores.length).boxed().toList());
        order.sort(Comparator.<Integer> comparingDouble(i -> -scores[i]).thenComparingInt(i -> tieRank[i]));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A seeded random rank for each index: the tie-breaking order. */
    static int[] tieRanks(int n, long seed) {
        int[] order = shuffled(n, new Random(seed));
        int[] rank = new int[n];
        for (int position = 0; position < n; position++) {
            rank[order[position]] = position;
        }
        return rank;
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private static int count(boolean[] values) {
        int count = 0;
        for (boolean value : values) {
            count += value ? 1 : 0;
        }
        return count;
    }
}
