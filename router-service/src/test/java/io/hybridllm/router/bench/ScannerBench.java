package io.hybridllm.router.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.contracts.RequestHints;
import io.hybridllm.contracts.TaskType;
import io.hybridllm.policy.Policy;
import io.hybridllm.router.Prompts;
import io.hybridllm.router.ShippedConfig;
import io.hybridllm.router.privacy.SensitiveContentDetector;
import io.hybridllm.router.scoring.HeuristicComplexityScorer;

/**
 * Not a test: times the scans of one routing decision (the complexity score and the privacy detectors, as shipped) on a
 * prompt of the worst shape for each scanner, and prints the median of several runs after warm-up. The arguments are
 * the prompt size in characters (default 1 MiB) and the number of runs (default 7), so that a quadratic scanner can be
 * measured at a size it finishes. Command in docs/benchmarks.md ("Scanning untrusted text").
 */
public final class ScannerBench {

    private static int warmUp = 3;
    private static int runs = 7;
    private static final Policy.Weights WEIGHTS = new Policy.Weights(0.30, 0.30, 0.25, 0.15, 0.0);

    /** Per shape, a repeated unit: near misses of each scanner. */
    static Map<String, String> shapes() {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("blank lines", "\n");
        shapes.put("space-newline", " \n");
        shapes.put("crlf", "\r\n");
        shapes.put("word run", "a");
        shapes.put("digit run", "1");
        shapes.put("a@ (e-mail)", "a@");
        shapes.put("a. (e-mail)", "a.");
        shapes.put("almost a key", "sk-" + "a".repeat(19) + " ");
        shapes.put("ssn prefix", "123-45-");
        shapes.put("nino prefix", "AB 12 34 ");
        shapes.put("key header", "-----BEGIN ");
        shapes.put("python frames", "  File \"x\n");
        shapes.put("code lines", "a;\n");
        return shapes;
    }

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1 << 20;
        if (args.length > 1) {
            // fewer runs, for a scanner that takes seconds a call
            runs = Integer.parseInt(args[1]);
            warmUp = 1;
        }
        HeuristicComplexityScorer scorer = new HeuristicComplexityScorer(ShippedConfig.scoring());
        SensitiveContentDetector detector = new SensitiveContentDetector(ShippedConfig.privacy());
        System.out.printf("prompt of %,d characters; median of %d runs after %d warm-up runs, in ms%n", size, runs,
                warmUp);
        System.out.printf("%-16s %10s %10s %10s%n", "shape", "score", "privacy", "decision");
        shapes().forEach((shape, unit) -> {
            String prompt = "x" + unit.repeat(Math.max(1, (size - 2) / unit.length())) + "x";
            LlmRequest request = Prompts.request("bench", TaskType.CHAT, prompt, RequestHints.NONE);
            double score = median(() -> scorer.score(request, WEIGHTS));
            double privacy = median(() -> detector.mustStayLocal(request));
            double decision = median(() -> {
                scorer.score(request, WEIGHTS);
                return detector.mustStayLocal(request);
            });
            System.out.printf("%-16s %10.1f %10.1f %10.1f%n", shape, score, privacy, decision);
        });
    }

    static double median(Supplier<?> work) {
        for (int i = 0; i < warmUp; i++) {
            work.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }

    private ScannerBench() {
    }
}
