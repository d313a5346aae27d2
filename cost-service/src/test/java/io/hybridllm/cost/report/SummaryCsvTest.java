package io.hybridllm.cost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SummaryCsvTest {

    @Test
    void cellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(SummaryCsv.cell("gpt-4o-mini")).isEqualTo("gpt-4o-mini");
        assertThat(SummaryCsv.cell("acme, inc")).isEqualTo("\"acme, inc\"");
        assertThat(SummaryCsv.cell("the \"best\"")).isEqualTo("\"the \"\"best\"\"\"");
        assertThat(SummaryCsv.cell(null)).isEmpty();
    }

    @Test
    void oneRowPerGroupWithPlainAmounts() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("tenant", "acme, inc");
        key.put("model", null);
        Counters counters = new Counters(3, 2, 1, 300, 150, new BigDecimal("12.5000000000"), 1);
        CostSummary summary = new CostSummary(Instant.EPOCH, Instant.now(), null, List.of("tenant", "model"), "USD",
                "v1", List.of(new CostGroup(key, counters)), counters);

        assertThat(SummaryCsv.write(summary)).isEqualTo("tenant,model,calls,requests,calls_failed,prompt_tokens,"
                + "completion_tokens,cost_usd,unpriced_calls\r\n\"acme, inc\",,3,2,1,300,150,12.5,1\r\n");
    }

    @Test
    void amountsNeverUseExponents() {
        assertThat(new Counters(0, 0, 0, 0, 0, new BigDecimal("100.0000000000"), 0).costUsd().toString())
                .isEqualTo("100");
        assertThat(new Counters(0, 0, 0, 0, 0, null, 0).costUsd()).isZero();
    }
}
