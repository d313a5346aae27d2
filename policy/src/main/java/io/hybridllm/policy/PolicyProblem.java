package io.hybridllm.policy;

/** One thing wrong with a policy: the file it comes from, the key, and why. */
public record PolicyProblem(String file, String key, String reason) {

    @Override
    public String toString() {
        return file + ": " + (key.isEmpty() ? "" : key + ": ") + reason;
    }
}
