package io.hybridllm.launcher.faults;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a fault run found: the figures, printed for people, and the checks that must hold. */
record FaultReport(FaultOptions options, Ledger.Summary clients, ProviderCalls.Repeats calls,
        Map<String, List<DeadLetters.Letter>> deadLetters, Map<String, List<String>> poisonSent,
        List<String> otherDeadLetters, MalformedHttp.Result malformed, Map<String, Boolean> healthy,
        Optional<Budget.Overshoot> budget, List<String> events, List<String> injectionErrors,
        WorkerFaults.Counts workerFaults, Map<String, Integer> supervisorRestarts, Duration took) {

    /** Each check that failed, with what was found; empty when the run passed. */
    List<String> failedChecks() {
        List<String> failed = new ArrayList<>();
        if (clients.lost() > 0) {
            failed.add(clients.lost() + " accepted requests lost (no final outcome): " + first(clients.lostIds()));
        }
        if (clients.answeredTwice() > 0) {
            failed.add(clients.answeredTwice() + " requests answered twice (the system's final state contradicts what"
                    + " the client saw): " + first(clients.answeredTwiceIds()));
        }
        clients.failures().keySet().stream().filter(reason -> reason.endsWith(": null")).findAny()
                .ifPresent(reason -> failed.add("failures without a reason: " + reason));
        poisonSent.forEach((topic, keys) -> {
            List<DeadLetters.Letter> letters = deadLetters.get(topic + ".dlq");
            if (letters == null) {
                return;
            }
            for (String key : keys) {
                if (letters.stream()
                        .noneMatch(l -> key.equals(l.key()) && l.reason() != null && !l.reason().isBlank())) {
                    failed.add("poison " + key + " on " + topic + " is not in " + topic + ".dlq with a reason");
                }
            }
        });
        if (!otherDeadLetters.isEmpty()) {
            failed.add(otherDeadLetters.size() + " records other than the poison were dead-lettered: "
                    + first(otherDeadLetters));
        }
        if (!malformed.failures().isEmpty()) {
            failed.add("malformed HTTP requests answered 5xx (not a 503 to retry) or not at all: "
                    + first(malformed.failures()));
        }
        healthy.forEach((service, ok) -> {
            if (!ok) {
                failed.add(service + " is not healthy at the end");
            }
        });
        if (budget.isEmpty()) {
            failed.add("the run's budget never paused");
        }
        injectionErrors.forEach(error -> failed.add("a fault could not be injected: " + error));
        return failed;
    }

    void print(PrintStream out) {
        out.println();
        out.println(
                "Fault run: " + options.requests() + " requests at " + options.rate() + "/s, seed " + options.seed());
        out.println("Faults:");
        events.forEach(event -> out.println("  " + event));
        out.printf(
                "Worker faults: %d crashes the supervisor recovered from, %d kept down and restarted by the suite,"
                        + " %d of both workers at once, %d a second kill while starting%n",
                workerFaults.crashes(), workerFaults.heldDown(), workerFaults.bothAtOnce(),
                workerFaults.duringRestart());
        out.println("Supervisor restarts after a service exited by itself (a failed start, retried): "
                + (supervisorRestarts.isEmpty() ? "none" : supervisorRestarts));
        out.printf(
                "%nClients%n  submitted (accepted)      %,d%n  answered                  %,d%n"
                        + "  failed with a reason      %,d%n",
                clients.submitted(), clients.answered(), clients.failed());
        clients.failures().forEach((reason, count) -> out.printf("    %-38s %,d%n", reason, count));
        out.printf("  lost                      %,d   (must be 0)%n", clients.lost());
        out.printf("  answered twice            %,d   (must be 0: the final state read at the end contradicts what the"
                + " client saw)%n", clients.answeredTwice());
        out.printf("  redelivered replies       %,d   (a second reply with the same status on reply_to: at least"
                + " once, documented)%n", clients.redelivered());
        out.printf("  contradicting replies     %,d   (a second reply on reply_to with another status, after a worker"
                + " was killed before its commit; a job keeps the first)%n", clients.contradicting());
        clients.contradictingIds().stream().limit(3).forEach(id -> out.println("    " + abbreviate(id)));
        out.printf("  refused at submission     %,d%n", clients.refused());
        out.printf("%nProvider calls%n  calls for the run's requests  %,d%n"
                + "  requests called more than once  %,d (%,d extra calls, at most %d for one; %,d on both providers)%n",
                calls.total(), calls.requests(), calls.extraCalls(), calls.most(), calls.onBothProviders());
        out.println("  why: a retry after a 5xx, 429 or timeout (retries are the design), a failover or escalation to"
                + " the next provider, and a record redelivered after a worker was killed mid-call.");
        out.println();
        out.println("Dead-letter topics (poison sent per topic: " + Poison.KINDS.size() + ")");
        deadLetters.forEach((dlq, letters) -> {
            out.printf("  %-28s %,d records%n", dlq, letters.size());
            letters.stream().map(l -> abbreviate(l.key()) + ": " + abbreviate(String.valueOf(l.reason()))).distinct()
                    .limit(8).forEach(line -> out.println("      " + line));
        });
        out.printf("  other dead letters during the run: %d%n", otherDeadLetters.size());
        out.printf(
                "%nMalformed HTTP: %d requests to %d endpoints, %d told to retry (503 with Retry-After during a"
                        + " restart), %d answered another 5xx or not at all%n",
                malformed.sent(), HttpEndpoints.ALL.size(), malformed.retryLater(), malformed.failures().size());
        // In full (at most one line per request sent, each with its body abbreviated): when it was sent and how long
        // it waited is what finds it in the services' logs.
        malformed.failures().forEach(failure -> out.println("  " + failure));
        out.println("Healthy at the end: " + healthy);
        budget.ifPresentOrElse(b -> out.printf(
                "Budget: %s USD, paused at %s USD (80%%); spend at the end %s USD: overshoot %s USD (%s%% of the"
                        + " budget)%n",
                b.budget().toPlainString(), b.spendAtPause().toPlainString(), b.finalSpend().toPlainString(),
                b.overshoot().toPlainString(),
                b.overshoot().multiply(BigDecimal.valueOf(100)).divide(b.budget(), 1, RoundingMode.HALF_UP)),
                () -> out.println("Budget: never paused"));
        List<String> failed = failedChecks();
        out.println();
        out.println(failed.isEmpty() ? "All checks passed."
                : "FAILED checks:\n" + failed.stream().map(f -> "  - " + f).collect(Collectors.joining("\n")));
    }

    /** The run in one line, for a run over several seeds. */
    String oneLine() {
        List<String> failed = failedChecks();
        long ready = healthy.values().stream().filter(ok -> ok).count();
        return String.format(
                "seed %d: %s  %,d submitted, %,d answered, %,d failed with a reason, %,d lost, %,d answered"
                        + " twice; %d worker faults, %d restarts after an exit by itself; %d/%d healthy; %d s%s",
                options.seed(), failed.isEmpty() ? "PASS" : "FAIL", clients.submitted(), clients.answered(),
                clients.failed(), clients.lost(), clients.answeredTwice(), workerFaults.total(),
                supervisorRestarts.values().stream().mapToInt(Integer::intValue).sum(), ready, healthy.size(),
                took.toSeconds(), failed.isEmpty() ? "" : "\n    " + String.join("\n    ", failed));
    }

    private static String first(List<String> items) {
        return items.stream().limit(5).map(FaultReport::abbreviate).collect(Collectors.joining("; "))
                + (items.size() > 5 ? "; ..." : "");
    }

    private static String abbreviate(String text) {
        return text == null ? "null" : text.length() > 160 ? text.substring(0, 160) + "..." : text;
    }
}
