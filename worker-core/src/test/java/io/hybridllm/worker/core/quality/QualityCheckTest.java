package io.hybridllm.worker.core.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;

class QualityCheckTest {

    private static LlmRequest request(TaskType task, String prompt) {
        return new LlmRequest(0, "q-1", "acme", null, task, List.of(ChatMessage.user(prompt)),
                GenerationOptions.DEFAULTS, RequestHints.NONE, null, null, null, null);
    }

    @Test
    void aGoodAnswerScoresOne() {
        QualityCheck.Verdict verdict = QualityCheck.of(request(TaskType.CHAT, "Name three primes."), "2, 3 and 5.",
                false);
        assertThat(verdict.score()).isEqualTo(1.0);
        assertThat(verdict.explain()).isEqualTo("no findings");
    }

    @Test
    void emptyTruncatedAndRefusedAnswersScoreLowWithTheirReasons() {
        assertThat(QualityCheck.of(request(TaskType.CHAT, "Hi"), "  ", false).score()).isZero();
        QualityCheck.Verdict truncated = QualityCheck.of(request(TaskType.CHAT, "Tell a story"), "Once upon a", true);
        assertThat(truncated.score()).isZero();
        assertThat(truncated.reasons())
                .containsExactly("truncated: the model stopped at its token limit (finish_reason length)");
        QualityCheck.Verdict refused = QualityCheck.of(request(TaskType.CHAT, "Do it"),
                "I'm sorry, but I can't help with that.", false);
        assertThat(refused.score()).isLessThan(0.6);
        assertThat(refused.reasons()).containsExactly("the model refused");
    }

    @Test
    void formatIsCheckedWhereTheTaskAsksForIt() {
        LlmRequest extract = request(TaskType.EXTRACT, "Extract the names as JSON: Ann met Bob.");
        assertThat(QualityCheck.of(extract, "```json\n{\"names\": [\"Ann\", \"Bob\"]}\n```", false).score())
                .isEqualTo(1.0);
        assertThat(QualityCheck.of(extract, "Ann and Bob", false).reasons())
                .containsExactly("JSON was asked for, but the answer does not parse as JSON");

        LlmRequest refactor = request(TaskType.REFACTOR, "Refactor: int f(int a){return a*2;}");
        assertThat(QualityCheck.of(refactor, "```java\nint twice(int a) { return a * 2; }\n```", false).score())
                .isEqualTo(1.0);
        assertThat(QualityCheck.of(refactor, "Rename the method to something clearer.", false).reasons())
                .containsExactly("a refactor task answered without code");
    }

    @Test
    void anAnswerFarTooShortForALongPromptIsSuspicious() {
        LlmRequest summarize = request(TaskType.SUMMARIZE, "word ".repeat(400));
        assertThat(QualityCheck.of(summarize, "Words.", false).reasons()).singleElement()
                .satisfies(reason -> assertThat(reason).startsWith("far too short: 6 characters"));
    }
}
