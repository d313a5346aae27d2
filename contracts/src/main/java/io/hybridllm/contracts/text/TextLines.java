package io.hybridllm.contracts.text;

/**
 * Walks the lines of untrusted text (prompts, answers) without copying them, breaking where {@code java.util.regex}
 * breaks lines ({@code \n}, {@code \r\n}, {@code \r}, {@code \u0085}, {@code \u2028}, {@code \u2029}), so that
 * line-shaped checks written by hand see the lines the former patterns saw. Each character is visited a bounded number
 * of times: the scans built on it are linear in the text, whatever its shape.
 */
public final class TextLines {

    private final String text;
    private int start;
    private int end;
    private int next;
    private boolean previousBlank;
    private boolean breakIsSpace;

    public TextLines(String text) {
        this.text = text;
        this.next = 0;
        this.end = -1;
    }

    /** Moves to the next line; false after the last one. A text ending in a line break has no empty last line. */
    public boolean advance() {
        if (end >= 0) {
            previousBlank = isRegexSpaceOnly(start, end) && breakIsSpace;
        }
        if (next >= text.length() && end >= 0) {
            return false;
        }
        start = next;
        end = start;
        while (end < text.length() && !isLineBreak(text.charAt(end))) {
            end++;
        }
        next = end;
        breakIsSpace = false;
        if (end < text.length()) {
            char c = text.charAt(end);
            breakIsSpace = c == '\n' || c == '\r';
            next = c == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? end + 2 : end + 1;
        }
        return true;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    /**
     * The previous line held only whitespace and ended in {@code \n} or {@code \r}: a pattern's {@code ^\s+} could
     * begin there and reach this line.
     */
    public boolean followsBlankLine() {
        return previousBlank;
    }

    /** The first position of this line that is not regex whitespace ({@code \s}), or its end. */
    public int indentEnd() {
        int i = start;
        while (i < end && isRegexSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The last character of this line that is not regex whitespace, or -1 when there is none. */
    public int lastNonSpace() {
        int i = end - 1;
        while (i >= start && isRegexSpace(text.charAt(i))) {
            i--;
        }
        return i;
    }

    /** Blank as {@link String#isBlank()} means it. */
    public boolean isBlank() {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean isRegexSpaceOnly(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isRegexSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code \s} of {@code java.util.regex}: {@code [ \t\n\x0B\f\r]}. */
    public static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
