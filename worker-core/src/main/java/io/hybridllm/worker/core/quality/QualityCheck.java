package io.hybridllm.worker.core.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.re2j.Pattern;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.contracts.TokenUsage;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.worker.core.CallResult;

/**
 * Scores an answer in [0, 1] by what can be checked without another model (seed 001's quality check): an empty or
 * truncated answer, a refusal, the wrong format for the task (JSON that does not parse where JSON was asked for, a code
 * task answered without code), and an answer far too short for its prompt. Each finding costs points and gives a
 * reason.
 */
public final class QualityCheck {

    /** RE2/J, linear in the answer whatever its shape (the answer is untrusted text). */
    private static final Pattern REFUSAL = Pattern.compile("^\\W*(i'?m sorry,? but |sorry,? )?(i|we) (can(no|')t|cannot"
            + "|am unable to|'m unable to|won'?t be able to) (help|assist|comply|provide|do that|answer)"
            + "|^\\W*as an ai( language model)?,? i (can(no|')t|cannot|am not able)", Pattern.CASE_INSENSITIVE);
    private static final Set<TaskType> CODE_TASKS = Set.of(TaskType.COMPLETION, TaskType.REFACTOR);
    private static final Set<TaskType> STRUCTURED_TASKS = Set.of(TaskType.CLASSIFY, TaskType.EXTRACT);
    private static final Set<TaskType> LONG_FORM_TASKS = Set.of(TaskType.EXPLAIN, TaskType.REVIEW, TaskType.SUMMARIZE,
            TaskType.REFACTOR, TaskType.GENERATE, TaskType.TRANSLATE);
    /** A long-form answer under this share of a prompt of at least {@link #LONG_PROMPT} characters is suspicious. */
    private static final double MIN_ANSWER_SHARE = 0.02;
    private static final int LONG_PROMPT = 500;

    /** The score and why it is not 1. */
    public record Verdict(double score, List<String> reasons) {

        /** For answers that are not checked: accepted as they are. */
        public static final Verdict UNCHECKED = new Verdict(1, List.of());

        public String explain() {
            return reasons.isEmpty() ? "no findings" : String.join("; ", reasons);
        }
    }

    private QualityCheck() {
    }

    public static Verdict of(LlmRequest request, String answer, boolean truncated) {
        return of(request, new CallResult.Answered(answer, TokenUsage.NONE, truncated));
    }

    /**
     * A truncated answer fails outright (it is cut off whatever else it is), as does one that breaks a promise of the
     * request: the tool call it required, or the JSON (and schema) its response format asked for.
     */
    public static Verdict of(LlmRequest request, CallResult.Answered answered) {
        Optional<String> broken = RequestedForm.broken(request.options(), answered);
        if (broken.isPresent()) {
            return new Verdict(0, List.of(broken.get()));
        }
        if (answered.toolCalls() != null) {
            // The answer is in the calls: the text checks below do not apply.
            return new Verdict(1, List.of());
        }
        String text = answered.answer() == null ? "" : answered.answer().strip();
        if (text.isEmpty()) {
            return new Verdict(0, List.of("empty answer"));
        }
        double score = 1;
        List<String> reasons = new ArrayList<>();
        if (REFUSAL.matcher(text).find()) {
            score -= 0.7;
            reasons.add("the model refused");
        }
        TaskType task = request.taskType();
        String prompt = request.promptText();
        if (STRUCTURED_TASKS.contains(task) && !request.options().wantsJson()
                && prompt.toLowerCase(Locale.ROOT).contains("json") && !parsesAsJson(text)) {
            score -= 0.6;
            reasons.add("JSON was asked for, but the answer does not parse as JSON");
        }
        if (CODE_TASKS.contains(task) && AnswerShape.firstFencedBlock(text).isEmpty()
                && !AnswerShape.hasCodeLine(text)) {
            score -= 0.5;
            reasons.add("a " + task.name() + " task answered without code");
        }
        if (LONG_FORM_TASKS.contains(task) && prompt.length() >= LONG_PROMPT
                && text.length() < prompt.length() * MIN_ANSWER_SHARE) {
            score -= 0.4;
            reasons.add("far too short: " + text.length() + " characters for a prompt of " + prompt.length());
        }
        return new Verdict(Math.max(0, score), List.copyOf(reasons));
    }

    /** Only the form the request promised (for cloud answers): UNCHECKED when it holds. */
    public static Verdict ofForm(LlmRequest request, CallResult.Answered answered) {
        return RequestedForm.broken(request.options(), answered).map(broken -> new Verdict(0, List.of(broken)))
                .orElse(Verdict.UNCHECKED);
    }

    /** The answer itself, or the first fenced block in it, parses as JSON. */
    static boolean parsesAsJson(String text) {
        String candidate = AnswerShape.firstFencedBlock(text).map(String::strip).orElse(text);
        try {
            Json.mapper().readTree(candidate);
            return candidate.startsWith("{") || candidate.startsWith("[");
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
