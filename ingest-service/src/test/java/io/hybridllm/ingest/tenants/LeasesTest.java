package io.hybridllm.ingest.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A replica's leases of tokens already taken from the shared bucket, on a clock of the test's. */
class LeasesTest {

    private static final long LIFETIME = 1_000;

    private final AtomicLong clock = new AtomicLong(-5_000);
    private final Leases leases = new Leases(LIFETIME, 2, clock::get);

    @Test
    void leasedTokensAreSpentUntilTheyRunOut() {
        assertThat(leases.spend("acme", 1)).isFalse();
        leases.open("acme").keep(3);
        assertThat(leases.spend("acme", 2)).isTrue();
        assertThat(leases.spend("acme", 2)).isFalse();
        assertThat(leases.spend("acme", 1)).isTrue();
        assertThat(leases.spend("acme", 1)).isFalse();
        assertThat(leases.spend("initech", 1)).isFalse();
    }

    @Test
    void whatIsLeftIsLostWhenTheLeaseEnds() {
        leases.open("acme").keep(5);
        clock.addAndGet(LIFETIME);
        assertThat(leases.spend("acme", 1)).isFalse();
    }

    @Test
    void theLifetimeCountsFromWhenTheBucketWasAsked() {
        Leases.Opening opening = leases.open("acme");
        clock.addAndGet(LIFETIME - 1);
        opening.keep(5);
        assertThat(leases.spend("acme", 1)).isTrue();
        clock.addAndGet(1);
        assertThat(leases.spend("acme", 1)).isFalse();
    }

    @Test
    void tokensAddedToALeaseInForceEndWithItsEarlierEnd() {
        leases.open("acme").keep(1);
        clock.addAndGet(LIFETIME / 2);
        leases.open("acme").keep(4);
        assertThat(leases.spend("acme", 5)).isTrue();
        leases.open("acme").keep(1);
        clock.addAndGet(LIFETIME / 2);
        leases.open("acme").keep(4);
        clock.addAndGet(LIFETIME / 2);
        // The first token's lease ended; the four taken with it went too.
        assertThat(leases.spend("acme", 1)).isFalse();
    }

    @Test
    void pastTheBoundANewTenantGetsNoLeaseUntilOneEnds() {
        leases.open("one").keep(1);
        leases.open("two").keep(1);
        assertThat(leases.open("three")).isNull();
        assertThat(leases.open("two")).isNotNull();
        clock.addAndGet(LIFETIME);
        assertThat(leases.open("three")).isNotNull();
        assertThat(leases.size()).isEqualTo(1);
    }

    @Test
    void aLifetimeOfZeroKeepsNoLeases() {
        assertThat(new Leases(0, 2, clock::get).open("acme")).isNull();
    }
}
