package io.hybridllm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [scoring] method} and {@code [scoring.learned]}: each key takes effect or is refused, naming it. */
class ScoringPolicyTest {

    @TempDir
    Path dir;

    private Policy load(String toml) throws IOException {
        PolicyLoader.Loaded loaded = PolicyLoader.load(List.of(Files.writeString(dir.resolve("scoring.toml"), toml)));
        assertThat(loaded.warnings()).isEmpty();
        return loaded.policy();
    }

    private List<String> refusedKeys(String toml) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.toml"), toml);
        List<PolicyProblem> problems;
        try {
            PolicyLoader.load(List.of(file));
            throw new AssertionError("the policy was accepted");
        } catch (PolicyException e) {
            problems = e.problems();
        }
        assertThat(problems).allSatisfy(p -> assertThat(p.file()).endsWith("bad.toml"));
        return problems.stream().map(PolicyProblem::key).toList();
    }

    @Test
    void theDefaultIsTheFixedFormulaAlone() throws IOException {
        Policy.Scoring scoring = load("").scoring();
        assertThat(scoring.method()).isEqualTo(Policy.ScoringMethod.HEURISTIC);
        assertThat(scoring.learns()).isFalse();
    }

    @Test
    void blendTakesEveryLearnedKey() throws IOException {
        Policy.Scoring scoring = load("""
                [scoring]
                method = "blend"
                [scoring.learned]
                weight = 0.25
                neighbours = 20
                min_neighbours = 5
                min_similarity = 0.7
                straight_above = 0.9
                max_outcomes = 100
                """).scoring();
        assertThat(scoring.method()).isEqualTo(Policy.ScoringMethod.BLEND);
        assertThat(scoring.learned()).isEqualTo(new Policy.Learned(0.25, 20, 5, 0.7, 0.9, 100));
    }

    @Test
    void learnedTakesTheEstimateWholeAndBlendDefaultsToHalf() throws IOException {
        assertThat(load("[scoring]\nmethod = \"learned\"\n").scoring().learned().weight()).isEqualTo(1.0);
        assertThat(load("[scoring]\nmethod = \"blend\"\n").scoring().learned()).isEqualTo(Policy.Learned.DEFAULTS);
    }

    @Test
    void anUnknownMethodIsRefused() throws IOException {
        assertThat(refusedKeys("[scoring]\nmethod = \"neural\"\n")).containsExactly("scoring.method");
    }

    @Test
    void learnedSettingsWithTheFixedFormulaAreRefused() throws IOException {
        assertThat(refusedKeys("[scoring.learned]\nneighbours = 5\n")).containsExactly("scoring.learned");
    }

    @Test
    void aWeightWithMethodLearnedIsRefused() throws IOException {
        assertThat(refusedKeys("[scoring]\nmethod = \"learned\"\n[scoring.learned]\nweight = 0.5\n"))
                .containsExactly("scoring.learned.weight");
    }

    @Test
    void outOfRangeValuesAndUnknownKeysAreRefused() throws IOException {
        assertThat(refusedKeys("""
                [scoring]
                method = "blend"
                [scoring.learned]
                weight = 0
                neighbours = 101
                min_similarity = 1.5
                straight_above = 0.5
                max_outcomes = 50001
                k = 3
                """)).containsExactlyInAnyOrder("scoring.learned.weight", "scoring.learned.neighbours",
                "scoring.learned.min_similarity", "scoring.learned.straight_above", "scoring.learned.max_outcomes",
                "scoring.learned.k");
    }

    @Test
    void moreNeighboursNeededThanConsultedIsRefused() throws IOException {
        assertThat(
                refusedKeys("[scoring]\nmethod = \"blend\"\n[scoring.learned]\nneighbours = 3\nmin_neighbours = 4\n"))
                        .containsExactly("scoring.learned.min_neighbours");
    }
}
