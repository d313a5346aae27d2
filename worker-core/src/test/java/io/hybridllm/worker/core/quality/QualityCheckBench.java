package io.hybridllm.worker.core.quality;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hybridllm.contracts.ChatMessage;
import io.hybridllm.contracts.GenerationOptions;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;

/**
 * Not a test: times the quality check of an answer of the worst shape for each of its scans, and prints the median of
 * several runs after warm-up. The arguments are the answer size in characters (default 1 MiB) and the number of runs
 * (default 7). Command in docs/benchmarks.md ("Scanning untrusted text").
 */
public final class QualityCheckBench {

    private static int warmUp = 3;
    private static int runs = 7;

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        if (args.length > 1) {
            // fewer runs, for a scanner that takes seconds a call
            runs = Integer.parseInt(args[1]);
            warmUp = 1;
        }
        // a code task with JSON in its prompt: every scan of the answer runs
        Map<String, TaskType> tasks = Map.of("completion", TaskType.COMPLETION, "extract", TaskType.EXTRACT);
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("blank lines", "\n");
        shapes.put("space-newline", " \n");
        shapes.put("fence openings", "```a");
        shapes.put("word run", "a");
        shapes.put("semicolon-spaces", "; ");
        shapes.put("non-word run", "-");
        System.out.printf("answer of %,d characters; median of %d runs after %d warm-up runs, in ms%n", size, runs,
                warmUp);
        System.out.printf("%-16s %12s %12s%n", "shape", "completion", "extract");
        shapes.forEach((shape, unit) -> {
            String answer = "x" + unit.repeat(Math.max(1, (size - 2) / unit.length())) + "x";
            StringBuilder line = new StringBuilder(String.format("%-16s", shape));
            for (String task : List.of("completion", "extract")) {
                LlmRequest request = new LlmRequest(0, "bench", "acme", null, tasks.get(task),
                        List.of(ChatMessage.user("Answer as JSON.")), GenerationOptions.DEFAULTS, RequestHints.NONE,
                        null, null, null, null);
                line.append(String.format(" %12.1f", median(request, answer)));
            }
            System.out.println(line);
        });
    }

    private static double median(LlmRequest request, String answer) {
        for (int i = 0; i < warmUp; i++) {
            QualityCheck.of(request, answer, false);
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            QualityCheck.of(request, answer, false);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    private QualityCheckBench() {
    }
}
