package io.hybridllm.launcher.faults;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.hybridllm.contracts.TaskType;

/**
 * The run's requests: four in five are simple questions (local tier), one in five a long refactoring task (cloud tier,
 * priced, so the budget fills). Each prompt carries a marker with the client's id, so that a simulated provider can
 * tell which request a call was made for.
 */
final class Prompts {

    private static final Pattern MARKER = Pattern.compile("\\[fault:([A-Za-z0-9._-]+)\\]");
    private static final String HARD = ("Analyze the architecture and refactor this code: fix the race condition under "
            + "concurrency, optimize performance, keep security, and explain the trade-offs step by step. "
            + "```java\nclass Cache { Map<String,String> m = new HashMap<>(); }\n``` ").repeat(8);

    record Prompt(TaskType task, String text) {
    }

    static Prompt of(String id, long draw) {
        String marker = " [fault:" + id + "]";
        return draw % 5 == 0 ? new Prompt(TaskType.REFACTOR, HARD + marker)
                : new Prompt(TaskType.CHAT, "What is " + (draw % 97) + " + 2?" + marker);
    }

    /** The client id a provider call was made for, from the text of the call's body. */
    static Optional<String> idIn(String body) {
        Matcher matcher = MARKER.matcher(body);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private Prompts() {
    }
}
