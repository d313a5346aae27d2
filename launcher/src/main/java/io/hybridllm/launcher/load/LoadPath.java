package io.hybridllm.launcher.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.HdrHistogram.Histogram;

/** One way into the system, driven at a fixed rate for a while: Kafka jobs, HTTP with long-poll, or OpenAI's API. */
interface LoadPath {

    /**
     * What one rate step measured; latencies in nanoseconds, counted from when each request was due; the failures by
     * their cause (an HTTP status, an error code, an exception).
     */
    record Step(int rate, int sent, int answered, int failed, Histogram added, Histogram total, double seconds,
            Map<String, Integer> failures) {

        static Histogram histogram() {
            return new Histogram(3_600_000_000_000L, 3);
        }

        String row() {
            return String.format(Locale.ROOT,
                    "| %,d /s | %,d | %,d | %,d | %.0f /s | %.1f | %.1f | %.1f | %.1f | %.1f |", rate, sent, answered,
                    failed, answered / seconds, ms(added, 50), ms(added, 95), ms(added, 99), added.getMaxValue() / 1e6,
                    ms(total, 50));
        }

        private static double ms(Histogram histogram, double percentile) {
            return histogram.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** The path's name in the report. */
    String name();

    Step run(int rate, Duration length) throws InterruptedException;
}
