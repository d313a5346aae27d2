package io.hybridllm.cost.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A summary as RFC 4180 CSV for spreadsheets: a header row, then one row per group. The total is left out because
 * {@code requests} is a distinct count and would not add up the way a spreadsheet expects.
 */
public final class SummaryCsv {

    private static final List<String> COUNTER_COLUMNS = List.of("calls", "requests", "calls_failed", "prompt_tokens",
            "completion_tokens", "cost_usd", "unpriced_calls");

    public static String write(CostSummary summary) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(summary.groupBy());
        header.addAll(COUNTER_COLUMNS);
        line(csv, header);
        for (CostGroup group : summary.groups()) {
            List<String> cells = new ArrayList<>();
            summary.groupBy().forEach(dimension -> cells.add(group.key().get(dimension)));
            Counters c = group.counters();
            cells.addAll(List.of(Long.toString(c.calls()), Long.toString(c.requests()), Long.toString(c.callsFailed()),
                    Long.toString(c.promptTokens()), Long.toString(c.completionTokens()), c.costUsd().toPlainString(),
                    Long.toString(c.unpricedCalls())));
            line(csv, cells);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(SummaryCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    /** Quotes a cell only when it must be; a missing value (e.g. no model) is an empty cell. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private SummaryCsv() {
    }
}
