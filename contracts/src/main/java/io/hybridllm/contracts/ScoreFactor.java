package io.hybridllm.contracts;

/** One term of a complexity score: its value in [0, 1], its weight, and what was seen. */
public record ScoreFactor(String name, double value, double weight, String detail) {

    public double contribution() {
        return value * weight;
    }
}
