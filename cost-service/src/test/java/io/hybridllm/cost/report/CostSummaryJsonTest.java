package io.hybridllm.cost.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.Json;

class CostSummaryJsonTest {

    @Test
    void groupsAreFlatWithTheirKeyFirstInTheWireFormat() {
        Map<String, String> key = new LinkedHashMap<>();
        key.put("provider", "openai");
        key.put("model", "gpt-4o-mini");
        Counters counters = new Counters(3, 2, 1, 3000, 1500, new BigDecimal("0.0013500000"), 0);
        CostSummary summary = new CostSummary(Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-17T12:00:00Z"), null, List.of("provider", "model"), "USD", "2026-11-01",
                List.of(new CostGroup(key, counters)), counters);

        assertThat(Json.write(summary)).isEqualTo("""
                {"from":"2026-11-01T00:00:00Z","to":"2026-11-17T12:00:00Z","group_by":["provider","model"],\
                "currency":"USD","price_version":"2026-11-01","groups":[{"provider":"openai","model":"gpt-4o-mini",\
                "calls":3,"requests":2,"calls_failed":1,"prompt_tokens":3000,"completion_tokens":1500,\
                "cost_usd":0.00135,"unpriced_calls":0}],"total":{"calls":3,"requests":2,"calls_failed":1,\
                "prompt_tokens":3000,"completion_tokens":1500,"cost_usd":0.00135,"unpriced_calls":0}}""");
    }
}
