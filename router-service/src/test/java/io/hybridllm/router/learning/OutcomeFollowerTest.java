package io.hybridllm.router.learning;

import static io.hybridllm.router.learning.OutcomeMemoryTest.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.contracts.RequestOutcome;
import io.hybridllm.contracts.RequestOutcome.Source;
import io.hybridllm.contracts.SchemaVersion;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.Tier;
import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.embedding.Vectors;
import io.hybridllm.router.routing.PolicyInForce;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** What each outcome teaches: the targets, feedback joined to the worker's outcome, and what is not learnable. */
class OutcomeFollowerTest {

    @TempDir
    Path dir;

    private final OutcomeMemory memory = new OutcomeMemory();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

    private OutcomeFollower follower(int maxOutcomes) throws IOException {
        Path policy = Files.writeString(dir.resolve("learn.toml"),
                "[scoring]\nmethod = \"blend\"\n[scoring.learned]\nmax_outcomes = " + maxOutcomes + "\n");
        LearningConfig config = new LearningConfig() {
            public int maxOutcomes() {
                return 1000;
            }

            public int maxTenants() {
                return 10;
            }
        };
        return new OutcomeFollower(memory, new PolicyInForce(Optional.of(policy.toString())), config, metrics);
    }

    static RequestOutcome worker(String id, String tenant, Tier routed, Tier answered, boolean escalated,
            float[] vector) {
        return new RequestOutcome(SchemaVersion.CURRENT, id, tenant, Source.WORKER, TaskType.CHAT, routed, answered,
                escalated, 0.9, null, vector == null ? null : Vectors.toBase64(vector), null);
    }

    private static RequestOutcome feedback(String id, Tier answered, double score) {
        return new RequestOutcome(SchemaVersion.CURRENT, id, "acme", Source.FEEDBACK, TaskType.CHAT, Tier.LOCAL_FAST,
                answered, false, null, score, null, null);
    }

    private void apply(OutcomeFollower follower, RequestOutcome outcome) {
        follower.apply(outcome.requestId(), Json.write(outcome));
    }

    private double target(String id) {
        return memory.held("acme", id).orElseThrow().target();
    }

    private double ignored(String reason) {
        return metrics.counter("hybrid.router.learning.ignored", "reason", reason).count();
    }

    @Test
    void theTargetIsTheLevelOfTheTierThatAnswered() throws IOException {
        OutcomeFollower follower = follower(100);
        apply(follower, worker("fast", "acme", Tier.LOCAL_FAST, Tier.LOCAL_FAST, false, unit(1, 0)));
        apply(follower, worker("quality", "acme", Tier.LOCAL_FAST, Tier.LOCAL_QUALITY, true, unit(1, 0)));
        apply(follower, worker("cloud", "acme", Tier.LOCAL_QUALITY, Tier.CLOUD, true, unit(1, 0)));
        assertThat(target("fast")).isEqualTo(0.0);
        assertThat(target("quality")).isEqualTo(0.5);
        assertThat(target("cloud")).isEqualTo(1.0);
        assertThat(metrics.get("hybrid.router.learning.outcomes").gauge().value()).isEqualTo(3);
    }

    @Test
    void aFailureTeachesNothingAndReplacesWhatItsRequestTaughtBefore() throws IOException {
        OutcomeFollower follower = follower(100);
        apply(follower, worker("r", "acme", Tier.LOCAL_FAST, Tier.LOCAL_FAST, false, unit(1, 0)));
        apply(follower, worker("r", "acme", Tier.LOCAL_FAST, null, true, unit(1, 0)));
        assertThat(memory.held("acme", "r")).isEmpty();
        assertThat(ignored("no_answer")).isEqualTo(1);
        apply(follower, worker("plain", "acme", Tier.LOCAL_FAST, Tier.LOCAL_FAST, false, null));
        assertThat(memory.held("acme", "plain")).isEmpty();
        assertThat(ignored("no_embedding")).isEqualTo(1);
    }

    @Test
    void poorFeedbackMovesTheTargetOneTierUpAndGoodFeedbackKeepsItsTier() throws IOException {
        OutcomeFollower follower = follower(100);
        apply(follower, worker("a", "acme", Tier.LOCAL_FAST, Tier.LOCAL_FAST, false, unit(1, 0)));
        apply(follower, worker("b", "acme", Tier.LOCAL_QUALITY, Tier.LOCAL_QUALITY, false, unit(1, 0)));
        apply(follower, worker("c", "acme", Tier.LOCAL_FAST, Tier.CLOUD, true, unit(1, 0)));
        apply(follower, feedback("a", Tier.LOCAL_FAST, 0.2));
        apply(follower, feedback("b", Tier.LOCAL_QUALITY, 0.1));
        apply(follower, feedback("c", Tier.CLOUD, 0.0));
        assertThat(target("a")).isEqualTo(0.5);
        assertThat(target("b")).isEqualTo(1.0);
        assertThat(target("c")).as("nothing above the cloud tier: ignored").isEqualTo(1.0);
        assertThat(ignored("feedback_above_cloud")).isEqualTo(1);
        apply(follower, feedback("a", Tier.LOCAL_FAST, 0.9));
        assertThat(target("a")).as("the newest outcome wins").isEqualTo(0.0);
    }

    @Test
    void feedbackOnARequestNotHeldIsCountedNotLearned() throws IOException {
        OutcomeFollower follower = follower(100);
        apply(follower, feedback("unknown", Tier.LOCAL_FAST, 0.1));
        assertThat(memory.size()).isZero();
        assertThat(ignored("feedback_not_held")).isEqualTo(1);
    }

    @Test
    void thePolicysBoundPerTenantHolds() throws IOException {
        OutcomeFollower follower = follower(2);
        for (int i = 0; i < 5; i++) {
            apply(follower, worker("r" + i, "acme", Tier.LOCAL_FAST, Tier.CLOUD, true, unit(1, i)));
        }
        assertThat(memory.size("acme")).isEqualTo(2);
        assertThat(memory.held("acme", "r4")).isPresent();
    }

    @Test
    void anUnreadableRecordIsRefusedWithTheReason() throws IOException {
        OutcomeFollower follower = follower(100);
        assertThatThrownBy(() -> follower.apply("x", "{not json")).isInstanceOf(InvalidMessageException.class);
        RequestOutcome other = worker("y", "acme", Tier.LOCAL_FAST, Tier.CLOUD, true, unit(1, 0));
        assertThatThrownBy(() -> follower.apply("x", Json.write(other))).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("key");
        String badVector = Json.write(other).replace(other.embedding(), "AAA=");
        assertThatThrownBy(() -> follower.apply("y", badVector)).isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("embedding");
        assertThat(memory.size()).isZero();
    }
}
