package io.hybridllm.router.scoring;

import java.util.List;

import io.hybridllm.contracts.text.TextLines;

/**
 * How much of a prompt is code: fences, stack traces and diffs count fully; otherwise the share of code-like lines.
 * <p>
 * Written by hand rather than with {@code java.util.regex}: the prompt is untrusted, and the former stack-trace pattern
 * ({@code (?m)^\s+at ...}) backtracked quadratically on runs of blank lines. Every check here reads each line a bounded
 * number of times, so the whole prompt is inspected in linear time; it recognises what those patterns recognised.
 */
final class CodeDetector {

    record Finding(double value, String detail) {
    }

    private static final String TRACEBACK = "Traceback (most recent call last)";
    private static final List<String> CODE_LINE_STARTS = List.of("import ", "package ", "def ", "class ", "public ",
            "private ", "func ", "fn ", "let ", "const ", "var ", "return ", "#include", "for (", "if (", "while (");

    static Finding inspect(String text) {
        if (text.contains("```")) {
            return new Finding(1.0, "fenced code block");
        }
        if (text.contains(TRACEBACK) || anyLine(text, CodeDetector::isStackFrame)) {
            return new Finding(1.0, "stack trace");
        }
        if (anyLine(text, CodeDetector::isDiffHeader)) {
            return new Finding(1.0, "diff");
        }
        long codeLines = 0;
        long nonBlank = 0;
        TextLines lines = new TextLines(text);
        while (lines.advance()) {
            if (!lines.isBlank()) {
                nonBlank++;
                if (looksLikeCode(text, lines)) {
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

    private interface LineCheck {
        boolean test(String text, TextLines line);
    }

    private static boolean anyLine(String text, LineCheck check) {
        TextLines lines = new TextLines(text);
        while (lines.advance()) {
            if (check.test(text, lines)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A Java frame ({@code "    at com.acme.Foo.bar(Foo.java:42)"}: indented, or right after a blank line as the former
     * {@code ^\s+at} allowed) or a Python one ({@code "  File "x.py", line 3"}).
     */
    private static boolean isStackFrame(String text, TextLines line) {
        int at = line.indentEnd();
        boolean javaFrame = (at > line.start() || line.followsBlankLine()) && text.startsWith("at ", at)
                && isJavaFrameRest(text, at + 3, line.end());
        return javaFrame || isPythonFrame(text, at, line.end());
    }

    /** {@code [\w$.]+\(.*\)} up to the end of the line. */
    private static boolean isJavaFrameRest(String text, int from, int end) {
        int i = from;
        while (i < end && isFrameNameChar(text.charAt(i))) {
            i++;
        }
        return i > from && i < end && text.charAt(i) == '(' && end - 1 > i && text.charAt(end - 1) == ')';
    }

    /** {@code File ".*", line \d} from the first non-blank character of the line. */
    private static boolean isPythonFrame(String text, int from, int end) {
        String open = "File \"";
        String close = "\", line ";
        if (!text.startsWith(open, from)) {
            return false;
        }
        // searched within this line only, so that a prompt of many such lines is not read once per line
        int i = text.indexOf(close, from + open.length(), end);
        while (i >= 0 && i + close.length() < end) {
            if (isAsciiDigit(text.charAt(i + close.length()))) {
                return true;
            }
            i = text.indexOf(close, i + 1, end);
        }
        return false;
    }

    /** {@code diff --git } or a hunk header {@code @@ -1,2 +3,4 @@} at the start of a line. */
    private static boolean isDiffHeader(String text, TextLines line) {
        int i = line.start();
        if (text.startsWith("diff --git ", i)) {
            return true;
        }
        if (!text.startsWith("@@ -", i)) {
            return false;
        }
        i = range(text, i + 4, line.end());
        if (i < 0 || !text.startsWith(" +", i)) {
            return false;
        }
        i = range(text, i + 2, line.end());
        return i >= 0 && text.startsWith(" @@", i);
    }

    /** Past {@code \d+(,\d+)?} from {@code from}, or -1 when there is no number there. */
    private static int range(String text, int from, int end) {
        int i = digits(text, from, end);
        if (i == from) {
            return -1;
        }
        if (i < end && text.charAt(i) == ',') {
            int afterComma = digits(text, i + 1, end);
            return afterComma == i + 1 ? i : afterComma;
        }
        return i;
    }

    private static int digits(String text, int from, int end) {
        int i = from;
        while (i < end && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Starts like a statement or declaration, or ends in {@code ;}, <code>{</code> or <code>}</code>. */
    private static boolean looksLikeCode(String text, TextLines line) {
        int first = line.indentEnd();
        for (String start : CODE_LINE_STARTS) {
            if (text.startsWith(start, first) && first + start.length() <= line.end()) {
                return true;
            }
        }
        int last = line.lastNonSpace();
        if (last < 0) {
            return false;
        }
        char c = text.charAt(last);
        return c == ';' || c == '{' || c == '}';
    }

    private static boolean isFrameNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isAsciiDigit(c) || c == '_' || c == '$' || c == '.';
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private CodeDetector() {
    }
}
