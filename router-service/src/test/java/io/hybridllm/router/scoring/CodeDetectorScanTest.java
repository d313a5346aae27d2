package io.hybridllm.router.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The code detector reads untrusted prompts: on the worst shapes of a megabyte it still answers (the former stack-trace
 * pattern took minutes on runs of blank lines), and on any text it finds what the former patterns found.
 */
class CodeDetectorScanTest {

    private static final int MEGABYTE = 1 << 20;
    /** A hang guard, not a measurement: the scans take milliseconds; the former patterns took minutes. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);

    private static CodeDetector.Finding inspectGuarded(String text) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> CodeDetector.inspect(text));
    }

    @Test
    void aMegabyteOfBlankLinesIsReadOnce() {
        assertThat(inspectGuarded("x" + "\n".repeat(MEGABYTE) + "x").detail()).isEqualTo("no code");
        assertThat(inspectGuarded("x" + " \n".repeat(MEGABYTE / 2) + "x").detail()).isEqualTo("no code");
        assertThat(inspectGuarded("x" + "\r\n".repeat(MEGABYTE / 2) + "x").detail()).isEqualTo("no code");
        assertThat(inspectGuarded("x" + "\n".repeat(MEGABYTE) + "    at com.acme.Foo.bar(Foo.java:42)").detail())
                .isEqualTo("stack trace");
    }

    @Test
    void aMegabyteOfAlmostFramesIsReadOnce() {
        assertThat(inspectGuarded("\n  at a" + "b".repeat(MEGABYTE) + "(").detail()).isEqualTo("no code");
        assertThat(inspectGuarded("  File \"x\n".repeat(MEGABYTE / 10)).detail()).isEqualTo("no code");
        assertThat(inspectGuarded("  File \"" + "\", line x".repeat(MEGABYTE / 10)).detail()).isEqualTo("no code");
        assertThat(inspectGuarded("@@ -" + "1".repeat(MEGABYTE) + " +1 @").detail()).isEqualTo("no code");
        assertThat(inspectGuarded(";".repeat(10) + " ".repeat(MEGABYTE) + "x").detail()).isEqualTo("no code");
        assertThat(inspectGuarded("a;\n".repeat(MEGABYTE / 3)).detail())
                .isEqualTo((MEGABYTE / 3) + " of " + (MEGABYTE / 3) + " lines look like code");
    }

    @Test
    void framesDiffsAndCodeLinesAreRecognisedAsBefore() {
        assertThat(CodeDetector.inspect("boom\r\n\tat a.B$1.run(B.java:3)\r\n").detail()).isEqualTo("stack trace");
        assertThat(CodeDetector.inspect("boom\n\nat a.b(x)").detail()).isEqualTo("stack trace");
        assertThat(CodeDetector.inspect("boom\nat a.b(x)").detail()).isNotEqualTo("stack trace");
        assertThat(CodeDetector.inspect("  File \"app.py\", line 12, in main").detail()).isEqualTo("stack trace");
        assertThat(CodeDetector.inspect("text\n@@ -1 +1,3 @@ class A").detail()).isEqualTo("diff");
        assertThat(CodeDetector.inspect("import os\r\nprint(os.name)\r\n").detail())
                .isEqualTo("1 of 2 lines look like code");
    }

    /** The former patterns, to compare with on small texts where their backtracking costs nothing. */
    private static final Pattern FORMER_STACK_TRACE = Pattern
            .compile("(?m)^\\s+at [\\w$.]+\\(.*\\)$|Traceback \\(most recent call last\\)|^\\s*File \".*\", line \\d+");
    private static final Pattern FORMER_DIFF = Pattern
            .compile("(?m)^(@@ -\\d+(,\\d+)? \\+\\d+(,\\d+)? @@|diff --git )");
    private static final Pattern FORMER_CODE_LINE = Pattern
            .compile("^\\s*(import |package |def |class |public |private |func |fn |let |const |var |return |#include|"
                    + "for \\(|if \\(|while \\().*|.*[;{}]\\s*$");
    private static final String[] PIECES = { "\n", "\n", " ", "\t", "\r\n", "\u2028", "at ", "a.B", "$", "(", ")", "x",
            "File \"", "\", line ", "1", "@@ -", ",", " +", " @@", "diff --git ", "import ", "return ", ";", "{", "}",
            "Traceback (most recent call last)" };

    private static String former(String text) {
        if (FORMER_STACK_TRACE.matcher(text).find()) {
            return "stack trace";
        }
        if (FORMER_DIFF.matcher(text).find()) {
            return "diff";
        }
        long code = 0;
        long nonBlank = 0;
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                nonBlank++;
                code += FORMER_CODE_LINE.matcher(line).matches() ? 1 : 0;
            }
        }
        return code == 0 ? "no code" : code + " of " + nonBlank + " lines look like code";
    }

    @Test
    void findsWhatTheFormerPatternsFoundOnRandomTexts() {
        Random random = new Random(15);
        for (int sample = 0; sample < 20_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(16); piece > 0; piece--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String prompt = text.toString();
            // lines now also end at \r and U+2028, as they do for the patterns' ^ and $; the share may differ there
            String expected = former(prompt);
            String actual = CodeDetector.inspect(prompt).detail();
            boolean shareOnly = !expected.equals("stack trace") && !expected.equals("diff");
            if (shareOnly && (prompt.contains("\r") || prompt.contains("\u2028"))) {
                assertThat(actual).doesNotContain("stack trace", "diff");
                continue;
            }
            assertThat(actual).as("%s", prompt.replace("\r", "\\r").replace("\n", "\\n")).isEqualTo(expected);
        }
    }
}
