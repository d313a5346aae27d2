package io.hybridllm.launcher.eval;

/**
 * What {@code hybrid eval routing} was asked: how to split the file, the seed of every random choice, and the learned
 * scorer's policy keys. A key left null is not written, so the router's own default applies.
 */
record EvalSettings(double trainShare, long seed, String method, Double weight, Integer neighbours,
        Integer minNeighbours, Double minSimilarity) {

    /** The most outcomes the router keeps per tenant ({@code [scoring.learned] max_outcomes}' upper bound). */
    static final int MAX_TRAIN = 50_000;

    /** The policy the router runs with: the default policy, with the learned scorer on and holding every outcome. */
    String policy(int trainCount) {
        StringBuilder toml = new StringBuilder("[scoring]\nmethod = \"" + method + "\"\n\n[scoring.learned]\n");
        toml.append("max_outcomes = ").append(Math.max(1, trainCount)).append('\n');
        append(toml, "weight", weight);
        append(toml, "neighbours", neighbours);
        append(toml, "min_neighbours", minNeighbours);
        append(toml, "min_similarity", minSimilarity);
        return toml.toString();
    }

    private static void append(StringBuilder toml, String key, Number value) {
        if (value != null) {
            toml.append(key).append(" = ").append(value).append('\n');
        }
    }
}
