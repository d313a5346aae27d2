package io.hybridllm.launcher.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The printed result of {@code hybrid eval routing}: the split, the two tiers alone, and one row per scorer. */
final class EvalReport {

    /** Random orders averaged for the random router's curve. */
    static final int RANDOM_ORDERS = 1_000;

    private final Path file;
    private final RoutingEval.Split split;
    private final EvalSettings settings;
    private final RoutingCurve curve;
    private final PrintStream out;

    EvalReport(Path file, RoutingEval.Split split, EvalSettings settings, RoutingCurve curve, PrintStream out) {
        this.file = file;
        this.split = split;
        this.settings = settings;
        this.curve = curve;
        this.out = out;
    }

    void noGap() {
        header();
        out.printf(Locale.ROOT,
                "No gap: the strong tier alone (%.3f) does no better than the weak tier alone (%.3f) on "
                        + "the %d test prompts, so there is no performance gap to recover. Nothing was run.%n",
                curve.strongPerformance(), curve.weakPerformance(), curve.size());
    }

    void print(List<RoutingEval.Explained> explained) {
        int n = explained.size();
        double[] learned = new double[n];
        double[] heuristic = new double[n];
        double[] decision = new double[n];
        double[] length = new double[n];
        int opinions = 0;
        for (int i = 0; i < n; i++) {
            RoutingEval.Explained e = explained.get(i);
            heuristic[i] = e.heuristic();
            learned[i] = e.hasOpinion() ? e.learned() : e.heuristic();
            decision[i] = e.score();
            length[i] = split.test().get(i).prompt().length();
            opinions += e.hasOpinion() ? 1 : 0;
        }
        out.println();
        header();
        out.printf(Locale.ROOT, "The learned scorer had an opinion on %d of the %d test prompts (the fixed formula "
                + "stands in for the rest).%n", opinions, n);
        out.printf(Locale.ROOT, "Ties in a score are broken by a random order of seed %d; random is the mean of %d "
                + "seeded orders.%n%n", settings.seed(), RANDOM_ORDERS);
        out.printf(Locale.ROOT, "%-28s %6s %18s %18s%n", "scorer", "APGR", "strong share @50%", "strong share @80%");
        row("learned", curve.ofScores(learned, settings.seed()));
        row("fixed formula", curve.ofScores(heuristic, settings.seed()));
        row("decision score (" + settings.method() + ")", curve.ofScores(decision, settings.seed()));
        row("prompt length", curve.ofScores(length, settings.seed()));
        row("random", curve.random(settings.seed(), RANDOM_ORDERS));
    }

    private void header() {
        out.printf(Locale.ROOT, "Routing evaluation of %s (seed %d, method %s): %d train, " + "%d test prompts.%n",
                file, settings.seed(), settings.method(), split.train().size(), split.test().size());
        out.printf(Locale.ROOT, "Test prompts answered well enough: weak tier alone %.3f, strong tier alone %.3f.%n",
                curve.weakPerformance(), curve.strongPerformance());
    }

    private void row(String scorer, RoutingCurve.Summary summary) {
        out.printf(Locale.ROOT, "%-28s %6.3f %18s %18s%n", scorer, summary.apgr(), percent(summary.shareAt50()),
                percent(summary.shareAt80()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }
}
