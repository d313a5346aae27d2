package io.hybridllm.cost.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.core.MediaType;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.cost.report.Dimension;
import io.hybridllm.cost.report.SummaryRequest;

class SummaryParamsTest {

    private static final Instant NOW = Instant.parse("2026-11-17T13:45:00Z");

    @Test
    void defaultsToThisMonthByProviderAndModel() {
        SummaryRequest request = SummaryParams.parse(null, null, null, null, NOW);

        assertThat(request.from()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(request.to()).isEqualTo(NOW);
        assertThat(request.groupBy()).containsExactly(Dimension.PROVIDER, Dimension.MODEL);
        assertThat(request.tenant()).isEmpty();
    }

    @Test
    void datesAreWholeUtcDaysAndInstantsMayCarryAnOffset() {
        SummaryRequest request = SummaryParams.parse("2026-10-01", "2026-10-31T12:00:00+02:00", " day , tenant,day ",
                " acme ", NOW);

        assertThat(request.from()).isEqualTo("2026-10-01T00:00:00Z");
        assertThat(request.to()).isEqualTo("2026-10-31T10:00:00Z");
        assertThat(request.groupBy()).containsExactly(Dimension.DAY, Dimension.TENANT);
        assertThat(request.tenant()).contains("acme");
        assertThat(SummaryParams.parse(null, "2026-11-30", null, "", NOW).to()).isEqualTo("2026-12-01T00:00:00Z");
    }

    @Test
    void filtersOnAJobAndAnEndUserWhenGiven() {
        SummaryRequest request = SummaryParams.parse(null, null, "end_user", null, " nightly-1 ", " user-42 ", NOW);

        assertThat(request.groupBy()).containsExactly(Dimension.END_USER);
        assertThat(request.jobId()).contains("nightly-1");
        assertThat(request.endUser()).contains("user-42");
        assertThat(SummaryParams.parse(null, null, null, null, "", " ", NOW).endUser()).isEmpty();
    }

    @Test
    void refusalsNameTheParameter() {
        assertRefused(() -> SummaryParams.parse(null, null, "provider,", null, NOW), "group_by", "empty entry");
        assertRefused(() -> SummaryParams.parse(null, null, "", null, NOW), "group_by", "empty entry");
        assertRefused(() -> SummaryParams.parse(null, null, "cost", null, NOW), "group_by", "'cost' is not");
        assertRefused(() -> SummaryParams.parse("2026-13-01", null, null, null, NOW), "from", "ISO-8601");
        assertRefused(() -> SummaryParams.parse(null, "soon", null, null, NOW), "to", "ISO-8601");
        assertRefused(() -> SummaryParams.parse("2026-11-17T13:45:00Z", "2026-11-17T13:45:00Z", null, null, NOW), "to",
                "is empty");
        // Only from is given, and it lies after now: the parameter to fix is from.
        assertRefused(() -> SummaryParams.parse("2027-01-01", null, null, null, NOW), "from", "is empty");
        assertRefused(() -> SummaryParams.wantsCsv("pdf", List.of()), "format", "use json or csv");
        // No request could carry such an end user, so none is looked for.
        assertRefused(() -> SummaryParams.parse(null, null, null, null, null, "u".repeat(257), NOW), "end_user",
                "characters");
    }

    @Test
    void formatWinsOverAcceptAndJsonIsTheDefault() {
        MediaType csv = MediaType.valueOf("text/csv");
        assertThat(SummaryParams.wantsCsv(null, List.of())).isFalse();
        assertThat(SummaryParams.wantsCsv(null, List.of(MediaType.WILDCARD_TYPE, csv))).isFalse();
        assertThat(SummaryParams.wantsCsv(null, List.of(csv, MediaType.APPLICATION_JSON_TYPE))).isTrue();
        assertThat(SummaryParams.wantsCsv("JSON", List.of(csv))).isFalse();
        assertThat(SummaryParams.wantsCsv("csv", List.of(MediaType.APPLICATION_JSON_TYPE))).isTrue();
    }

    private static void assertRefused(Runnable parse, String field, String reason) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(InvalidMessageException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.reason()).contains(reason);
        });
    }
}
