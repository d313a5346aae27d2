package io.hybridllm.worker.core.quality;

import java.util.List;
import java.util.Optional;

import io.hybridllm.contracts.text.TextLines;

/**
 * The shape of an answer, read by hand: its first fenced block, and whether it holds a line of code. The answer is
 * untrusted (a model can be made to return anything), and the former {@code (?m)^\s*(def |...)} pattern backtracked
 * quadratically on runs of blank lines; these scans read each character a bounded number of times.
 */
final class AnswerShape {

    private static final String FENCE = "```";
    private static final List<String> CODE_LINE_STARTS = List.of("def ", "class ", "public ", "private ", "function ",
            "const ", "let ", "var ", "import ", "return ", "if (", "for (", "#include");

    private AnswerShape() {
    }

    /**
     * The content of the first block fenced as {@code ```lang\n...```} ({@code lang} of {@code [a-zA-Z0-9_+-]}), as the
     * former {@code ```[a-zA-Z0-9_+-]*\n(.*?)```} found it.
     */
    static Optional<String> firstFencedBlock(String text) {
        int open = text.indexOf(FENCE);
        while (open >= 0) {
            int i = open + FENCE.length();
            while (i < text.length() && isLanguageChar(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '\n') {
                int close = text.indexOf(FENCE, i + 1);
                // without a fence after this opening there is none after any later one either
                return close < 0 ? Optional.empty() : Optional.of(text.substring(i + 1, close));
            }
            open = text.indexOf(FENCE, open + 1);
        }
        return Optional.empty();
    }

    /** Some line starts like a declaration or statement, or ends in {@code ;}, <code>{</code> or <code>}</code>. */
    static boolean hasCodeLine(String text) {
        TextLines line = new TextLines(text);
        while (line.advance()) {
            int first = line.indentEnd();
            for (String start : CODE_LINE_STARTS) {
                if (first + start.length() <= line.end() && text.startsWith(start, first)) {
                    return true;
                }
            }
            int last = line.lastNonSpace();
            if (last >= 0 && (text.charAt(last) == ';' || text.charAt(last) == '{' || text.charAt(last) == '}')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLanguageChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+' || c == '-';
    }
}
