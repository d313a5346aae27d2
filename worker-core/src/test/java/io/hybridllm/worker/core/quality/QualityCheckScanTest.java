package io.hybridllm.worker.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;

/**
 * The quality check reads untrusted answers: on the worst shapes of a megabyte it still answers (the former code-line
 * pattern took minutes on runs of blank lines), and it finds the fences and code lines the former patterns found.
 */
class QualityCheckScanTest {

    private static final int MEGABYTE = 1 << 20;
    /** A hang guard, not a measurement. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(10);
    private static final String WITHOUT_CODE = "a completion task answered without code";

    private static List<String> reasons(TaskType task, String prompt, String answer) {
        LlmRequest request = new LlmRequest(0, "q-1", "acme", null, task, List.of(ChatMessage.user(prompt)),
                GenerationOptions.DEFAULTS, RequestHints.NONE, null, null, null, null);
        return assertTimeoutPreemptively(HANG_GUARD, () -> QualityCheck.of(request, answer, false).reasons());
    }

    @Test
    void aMegabyteOfBlankLinesIsReadOnce() {
        assertThat(reasons(TaskType.COMPLETION, "go", "x" + "\n".repeat(MEGABYTE) + "x")).containsExactly(WITHOUT_CODE);
        assertThat(reasons(TaskType.COMPLETION, "go", "x" + " \n".repeat(MEGABYTE / 2) + "x"))
                .containsExactly(WITHOUT_CODE);
        assertThat(reasons(TaskType.COMPLETION, "go", "x" + "\n".repeat(MEGABYTE) + "return 1;")).isEmpty();
    }

    @Test
    void aMegabyteOfNearMissesIsReadOnce() {
        assertThat(reasons(TaskType.COMPLETION, "go", "```" + "a".repeat(MEGABYTE))).containsExactly(WITHOUT_CODE);
        assertThat(reasons(TaskType.COMPLETION, "go", "x" + "```a".repeat(MEGABYTE / 4))).containsExactly(WITHOUT_CODE);
        assertThat(reasons(TaskType.COMPLETION, "go", "x;" + " ".repeat(MEGABYTE) + "x")).containsExactly(WITHOUT_CODE);
        assertThat(reasons(TaskType.EXTRACT, "as JSON", "```\n" + "[".repeat(MEGABYTE)))
                .containsExactly("JSON was asked for, but the answer does not parse as JSON");
        assertThat(reasons(TaskType.CHAT, "go", "-".repeat(MEGABYTE) + "I can't help with that"))
                .containsExactly("the model refused");
        assertThat(reasons(TaskType.CHAT, "go", "-".repeat(MEGABYTE) + "I can help with that")).isEmpty();
    }

    /** The former patterns, to compare with on small answers where their backtracking costs nothing. */
    private static final Pattern FORMER_FENCED = Pattern.compile("```[a-zA-Z0-9_+-]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FORMER_CODE_LINE = Pattern.compile(
            "(?m)^\\s*(def |class |public |private |function |const |let |var |import |return |if \\(|for \\(|#include)"
                    + "|[;{}]\\s*$");
    private static final String[] PIECES = { "```", "`", "json", "-", "\n", "\n", " ", "\t", "\r\n", "\u2028", "x",
            "return ", "def ", ";", "{", "}", "if (" };

    @Test
    void findsWhatTheFormerPatternsFoundOnRandomAnswers() {
        Random random = new Random(15);
        for (int sample = 0; sample < 50_000; sample++) {
            StringBuilder text = new StringBuilder();
            for (int piece = random.nextInt(16); piece > 0; piece--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String answer = text.toString();
            Matcher fenced = FORMER_FENCED.matcher(answer);
            Optional<String> expectedBlock = fenced.find() ? Optional.of(fenced.group(1)) : Optional.empty();
            String shown = answer.replace("\r", "\\r").replace("\n", "\\n");
            assertThat(AnswerShape.firstFencedBlock(answer)).as(shown).isEqualTo(expectedBlock);
            assertThat(AnswerShape.hasCodeLine(answer)).as(shown).isEqualTo(FORMER_CODE_LINE.matcher(answer).find());
        }
    }
}
