package io.hybridllm.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy that cannot be used, with every problem found; the policy in force, if any, stays in force. */
public class PolicyException extends RuntimeException {

    private final List<PolicyProblem> problems;

    public PolicyException(List<PolicyProblem> problems) {
        super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in the policy:\n  "
                + problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<PolicyProblem> problems() {
        return problems;
    }
}
