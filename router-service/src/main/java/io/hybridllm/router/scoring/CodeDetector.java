package io.hybridllm.router.scoring;

import java.util.regex.Pattern;

/** How much of a prompt is code: fences, stack traces and diffs count fully; otherwise the share of code-like lines. */
final class CodeDetector {

    record Finding(double value, String detail) {
    }

    private static final Pattern STACK_TRACE = Pattern
            .compile("(?m)^\\s+at [\\w$.]+\\(.*\\)$|Traceback \\(most recent call last\\)|^\\s*File \".*\", line \\d+");
    private static final Pattern DIFF = Pattern.compile("(?m)^(@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@|diff --git )");
    private static final Pattern CODE_LINE = Pattern
            .compile("^\\s*(import |package |def |class |public |private |func |fn |let |const |var |return |#include|"
                    + "for \\(|if \\(|while \\().*|.*[;{}]\\s*$");

    static Finding inspect(String text) {
        if (text.contains("```")) {
            return new Finding(1.0, "fenced code block");
        }
        if (STACK_TRACE.matcher(text).find()) {
            return new Finding(1.0, "stack trace");
        }
        if (DIFF.matcher(text).find()) {
            return new Finding(1.0, "diff");
        }
        String[] lines = text.split("\n");
        long codeLines = 0;
        long nonBlank = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                nonBlank++;
                if (CODE_LINE.matcher(line).matches()) {
                    codeLines++;
                }
            }
        }
        if (codeLines == 0) {
            return new Finding(0.0, "no code");
        }
        double share = (double) codeLines / nonBlank;
        return new Finding(Math.min(1.0, share * 2), codeLines + " of " + nonBlank + " lines look like code");
    }

    private CodeDetector() {
    }
}
