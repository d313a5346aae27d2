package io.hybridllm.launcher.deploy;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The metric names a PromQL expression selects. Not a parser: it skips strings, label matchers ({@code {...}}), ranges
 * ({@code [...]}) and label lists after by/without/on/ignoring/group_left/group_right, and drops functions,
 * aggregations and keywords; every identifier left is a metric name. promtool checks the syntax (see
 * docs/operations.md); this is what checks the names.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    /** Aggregations may be followed by a by/without clause instead of their parenthesis. */
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");

    static Set<String> metricNames(String expression) {
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        String previous = "";
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = skipString(expression, i);
            } else if (c == '{') {
                i = skipTo(expression, i, '}');
            } else if (c == '[') {
                i = skipTo(expression, i, ']');
            } else if (c == '(' && LABEL_LISTS.contains(previous)) {
                i = skipTo(expression, i, ')');
                previous = "";
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int start = i;
                while (i < expression.length() && (Character.isLetterOrDigit(expression.charAt(i))
                        || expression.charAt(i) == '_' || expression.charAt(i) == ':')) {
                    i++;
                }
                String word = expression.substring(start, i);
                if (!KEYWORDS.contains(word) && !AGGREGATIONS.contains(word) && !nextIs(expression, i, '(')) {
                    names.add(word);
                }
                previous = word;
            } else if (Character.isDigit(c)) {
                // A number, possibly with a duration unit or an exponent (5m, 1e3): not a name.
                while (i < expression.length()
                        && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
                    i++;
                }
            } else {
                if (!Character.isWhitespace(c)) {
                    previous = "";
                }
                i++;
            }
        }
        return names;
    }

    private static boolean nextIs(String expression, int from, char wanted) {
        int i = from;
        while (i < expression.length() && Character.isWhitespace(expression.charAt(i))) {
            i++;
        }
        return i < expression.length() && expression.charAt(i) == wanted;
    }

    private static int skipString(String expression, int start) {
        char quote = expression.charAt(start);
        int i = start + 1;
        while (i < expression.length() && expression.charAt(i) != quote) {
            i += expression.charAt(i) == '\\' && quote != '`' ? 2 : 1;
        }
        return i + 1;
    }

    private static int skipTo(String expression, int start, char close) {
        int i = start + 1;
        while (i < expression.length() && expression.charAt(i) != close) {
            char c = expression.charAt(i);
            i = c == '"' || c == '\'' || c == '`' ? skipString(expression, i) : i + 1;
        }
        return i + 1;
    }

    private PromQl() {
    }
}
