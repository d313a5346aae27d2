package io.hybridllm.ingest.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class RequestStatusTest {

    @Test
    void everyStatusIsOpenOrFinalNeverBoth() {
        EnumSet<RequestStatus> all = EnumSet.copyOf(RequestStatus.OPEN);
        all.addAll(RequestStatus.FINAL);
        assertThat(all).containsExactlyInAnyOrder(RequestStatus.values());
        assertThat(RequestStatus.OPEN).doesNotContainAnyElementsOf(RequestStatus.FINAL);
        assertThat(RequestStatus.OPEN).containsAll(RequestStatus.ON_TIER);
        assertThat(RequestStatus.ON_TIER).doesNotContain(RequestStatus.QUEUED);
        assertThat(RequestStatus.FINAL).allMatch(RequestStatus::isFinal);
    }

    @Test
    void queriesNameTheSetsAndGetTheirMembers() {
        assertThat(RequestStatus.inSql("status in {OPEN} or status in {FINAL} or status in {ON_TIER}"))
                .isEqualTo("status in ('QUEUED', 'ROUTED', 'ESCALATED', 'RUNNING') or status in ('SUCCEEDED', 'FAILED',"
                        + " 'CANCELLED', 'EXPIRED') or status in ('ROUTED', 'ESCALATED', 'RUNNING')");
    }
}
