package io.hybridllm.launcher.examples;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import io.hybridllm.contracts.LlmReply;

/** What a job's replies say it cost, per tier: requests, failures, spend. */
final class TierCosts {

    private record Line(int requests, int failed, BigDecimal costUsd) {
    }

    private final Map<String, Line> perTier = new TreeMap<>();

    synchronized void add(LlmReply reply) {
        String tier = reply.tier() == null ? "(none)" : reply.tier().wireName();
        Line line = perTier.getOrDefault(tier, new Line(0, 0, BigDecimal.ZERO));
        perTier.put(tier,
                new Line(line.requests() + 1, line.failed() + (reply.status() == LlmReply.Status.FAILED ? 1 : 0),
                        line.costUsd().add(reply.costUsd())));
    }

    synchronized int requests() {
        return perTier.values().stream().mapToInt(Line::requests).sum();
    }

    synchronized BigDecimal total() {
        return perTier.values().stream().map(Line::costUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    synchronized void print(PrintStream out) {
        out.printf("  %-14s %9s %7s %12s%n", "TIER", "REQUESTS", "FAILED", "COST USD");
        perTier.forEach((tier, line) -> out.printf("  %-14s %9d %7d %12s%n", tier, line.requests(), line.failed(),
                line.costUsd().stripTrailingZeros().toPlainString()));
        out.printf("  %-14s %9d %7s %12s%n", "total", requests(), "", total().stripTrailingZeros().toPlainString());
    }
}
