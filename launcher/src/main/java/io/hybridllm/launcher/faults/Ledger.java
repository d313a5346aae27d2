package io.hybridllm.launcher.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * What the clients saw, per request: whether it was accepted (the broker acknowledged it, or ingest answered 202) and
 * every final outcome that reached them. Keyed by the client's own id: the request id for Kafka, the Idempotency-Key
 * for HTTP.
 */
final class Ledger {

    enum Path {
        KAFKA, HTTP
    }

    /** A final state as a client saw it; {@code reason} is the error code of a failure. */
    record Outcome(String status, String reason) {

        boolean succeeded() {
            return status.equals("succeeded");
        }
    }

    private static final class Entry {
        final Path path;
        volatile boolean accepted;
        volatile String serverId;
        volatile Outcome recorded;
        final List<Outcome> outcomes = new ArrayList<>();

        Entry(Path path) {
            this.path = path;
        }
    }

    /**
     * The totals the checks are made on. A redelivered reply repeats the first one's status; a contradicting one does
     * not (a job keeps the first, as the contract says). Answered twice: the system's record of the request, read at
     * the end, contradicts the outcome the client saw first.
     */
    record Summary(int submitted, int refused, int answered, int failed, Map<String, Integer> failures, int lost,
            List<String> lostIds, int redelivered, int contradicting, List<String> contradictingIds, int answeredTwice,
            List<String> answeredTwiceIds) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Called before the send, so that a reply that beats the acknowledgement still finds its request. */
    void sending(String id, Path path) {
        entries.put(id, new Entry(path));
    }

    void accepted(String id, String serverId) {
        Entry entry = entries.get(id);
        entry.serverId = serverId;
        entry.accepted = true;
    }

    /** Adds a final outcome; returns false for an id this run did not send. */
    boolean outcome(String id, Outcome outcome) {
        Entry entry = entries.get(id);
        if (entry == null) {
            return false;
        }
        synchronized (entry.outcomes) {
            entry.outcomes.add(outcome);
        }
        return true;
    }

    /** The first outcome seen for a request, or null. */
    Outcome first(String id) {
        Entry entry = entries.get(id);
        synchronized (entry.outcomes) {
            return entry.outcomes.isEmpty() ? null : entry.outcomes.getFirst();
        }
    }

    /** Each accepted request: the client's id and ingest's. */
    void forEachAccepted(BiConsumer<String, String> action) {
        entries.forEach((id, entry) -> {
            if (entry.accepted) {
                action.accept(id, entry.serverId);
            }
        });
    }

    /** The final state the system shows for a request at the end of the run. */
    void recorded(String id, Outcome outcome) {
        entries.get(id).recorded = outcome;
    }

    /** Requests without a final outcome yet: accepted, or still being sent (an HTTP client waiting for a turn). */
    long open() {
        return entries.values().stream().filter(e -> {
            synchronized (e.outcomes) {
                return e.outcomes.isEmpty();
            }
        }).count();
    }

    /** The open requests by the path they came in on, e.g. {@code {KAFKA=12, HTTP=3}}. */
    Map<Path, Long> openByPath() {
        Map<Path, Long> open = new TreeMap<>();
        entries.values().forEach(e -> {
            synchronized (e.outcomes) {
                if (e.outcomes.isEmpty()) {
                    open.merge(e.path, 1L, Long::sum);
                }
            }
        });
        return open;
    }

    /** Requests with an outcome (or refused): grows while the system works a backlog off. */
    long finished() {
        return entries.size() - open();
    }

    Summary summarize() {
        int submitted = 0, refused = 0, answered = 0, failed = 0, lost = 0, redelivered = 0, contradicting = 0,
                twice = 0;
        Map<String, Integer> failures = new TreeMap<>();
        List<String> lostIds = new ArrayList<>();
        List<String> contradictingIds = new ArrayList<>();
        List<String> twiceIds = new ArrayList<>();
        for (Map.Entry<String, Entry> item : entries.entrySet()) {
            Entry entry = item.getValue();
            if (!entry.accepted) {
                refused++;
                continue;
            }
            submitted++;
            List<Outcome> outcomes;
            synchronized (entry.outcomes) {
                outcomes = List.copyOf(entry.outcomes);
            }
            if (outcomes.isEmpty()) {
                lost++;
                lostIds.add(item.getKey() + (entry.serverId == null ? "" : " (" + entry.serverId + ")"));
                continue;
            }
            Outcome first = outcomes.getFirst();
            if (first.succeeded()) {
                answered++;
            } else {
                failed++;
                failures.merge(first.status() + ": " + first.reason(), 1, Integer::sum);
            }
            if (outcomes.stream().anyMatch(o -> !o.status().equals(first.status()))) {
                contradicting++;
                contradictingIds.add(item.getKey() + " " + outcomes);
            } else if (outcomes.size() > 1) {
                redelivered++;
            }
            Outcome recorded = entry.recorded;
            if (recorded != null && !recorded.status().equals(first.status())) {
                twice++;
                twiceIds.add(item.getKey() + ": the client saw " + first + ", the system shows " + recorded);
            }
        }
        return new Summary(submitted, refused, answered, failed, failures, lost, lostIds, redelivered, contradicting,
                contradictingIds, twice, twiceIds);
    }
}
