package io.hybridllm.launcher.attack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hybridllm.contracts.Topics;

/**
 * What the adversarial tenant tries, each checked for its outcome: a refusal (and a quick one where the point is to
 * refuse before spending work), or a request that ends promptly without disturbing anyone else.
 */
final class Attacks {

    private static final Duration QUICK = Duration.ofSeconds(5);
    private static final int PROMPT_CHARS = 256 * 1024;

    private final String ingest;
    private final String router;
    private final String cost;
    private final KafkaAttacks kafka;
    private final String adminToken;
    private final Tenant attacker;
    private final Tenant victim;

    Attacks(Map<String, String> urls, Map<String, Object> attackerKafka, String adminToken, Tenant attacker,
            Tenant victim) {
        this.ingest = urls.get("ingest");
        this.router = urls.get("router");
        this.cost = urls.get("cost");
        this.kafka = new KafkaAttacks(attackerKafka, attacker, victim);
        this.adminToken = adminToken;
        this.attacker = attacker;
        this.victim = victim;
    }

    List<Attempt> all() {
        List<Attempt> attempts = new ArrayList<>();
        pathologicalPrompts().forEach((shape, prompt) -> attempts.add(pathological(shape, prompt)));
        attempts.add(refusedQuickly("64 MiB body without a key",
                Http.postLarge(ingest + "/v1/requests", null, 64L << 20), 401, 413));
        attempts.add(refusedQuickly("64 MiB body with a key",
                Http.postLarge(ingest + "/v1/requests", attacker.key(), 64L << 20), 413));
        String nested = "{\"messages\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        attempts.add(refusedQuickly("JSON nested 100,000 deep",
                Http.postJson(ingest + "/v1/requests", attacker.key(), nested), 400, 413));
        attempts.add(refused("reply_to an internal topic",
                attacker.submit(ingest, "hi", "\"reply_to\":\"" + Topics.CONTROL_MODES + "\""), 400));
        attempts.add(refused("reply_to another tenant's topic",
                attacker.submit(ingest, "hi", "\"reply_to\":\"replies." + victim.id() + ".out\""), 400));
        attempts.add(refused("a deadline in the year 9999",
                attacker.submit(ingest, "hi", "\"hints\":{\"deadline\":\"9999-12-31T00:00:00Z\"}"), 400));
        attempts.add(unservable());
        attempts.addAll(crossTenantReads());
        attempts.add(batchChargedByLines());
        attempts.add(refused("routing explained without the admin token", Http.postJson(router + "/v1/route/explain",
                attacker.key(), "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 401, 403));
        attempts.addAll(kafka.all());
        return attempts;
    }

    /** The worst shape found for each scanner of untrusted text (scorer, code and secret detectors, quality check). */
    static Map<String, String> pathologicalPrompts() {
        int n = PROMPT_CHARS;
        return Map.of("runs of blank lines", "x" + "\n".repeat(n) + "x", "runs of spaces", "x" + " ".repeat(n) + "x",
                "one endless word", "a".repeat(n), "e-mail-like runs", "a@".repeat(n / 2), "digit runs", "1".repeat(n),
                "stack-trace-like lines", "\tat a.b(".repeat(n / 8), "code fences", "```".repeat(n / 3),
                "key-like runs", "sk-" + "A".repeat(n));
    }

    private Attempt pathological(String shape, String prompt) {
        String name = "pathological prompt, " + shape + " (" + prompt.length() / 1024 + " KiB)";
        Http.Answer submitted = attacker.submit(ingest, prompt, "");
        if (submitted.status() == 413) {
            return Attempt.of(name, true, "refused as too large (413)");
        }
        if (submitted.status() != 202) {
            return Attempt.of(name, false, "HTTP " + submitted.status() + " " + submitted.body());
        }
        long start = System.nanoTime();
        String status = attacker.awaitFinal(ingest, submitted.body().path("id").asText(), 60);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return Attempt.of(name, !status.isEmpty(), status.isEmpty() ? "not final after 60 s: a stalled partition?"
                : status + " " + ms + " ms after it was accepted");
    }

    /**
     * A request nothing can serve fails at once with its reason, never held. (A region alone does not make one: a local
     * provider without a region serves every region.) A task type the policy does not know is such a request.
     */
    private Attempt unservable() {
        String name = "a request nothing can serve (an unknown task type)";
        Http.Answer submitted = attacker.submit(ingest, "hi", "\"task_type\":\"write_poetry\"");
        if (submitted.status() != 202) {
            return refused(name, submitted, 400);
        }
        long start = System.nanoTime();
        String status = attacker.awaitFinal(ingest, submitted.body().path("id").asText(), 30);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return Attempt.of(name, status.equals("failed") && ms < 15_000,
                (status.isEmpty() ? "still open after 30 s" : status) + " after " + ms
                        + " ms (failed at once, not held)");
    }

    private List<Attempt> crossTenantReads() {
        List<Attempt> attempts = new ArrayList<>();
        String request = victim.submit(ingest, "the victim's secret question", "").body().path("id").asText();
        attempts.add(refused("read another tenant's request",
                Http.get(ingest + "/v1/requests/" + request, attacker.key()), 404));
        attempts.add(refused("cancel another tenant's request",
                Http.delete(ingest + "/v1/requests/" + request, attacker.key()), 404));
        attempts.add(refused("give feedback on another tenant's request",
                Http.postJson(ingest + "/v1/requests/" + request + "/feedback", attacker.key(), "{\"score\":0}"), 404));
        String batch = Http
                .post(ingest + "/v1/request-batches", victim.key(), "application/x-ndjson",
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"victim batch\"}]}\n")
                .body().path("id").asText();
        attempts.add(refused("read another tenant's batch",
                Http.get(ingest + "/v1/request-batches/" + batch, attacker.key()), 404));
        String boundary = "attack-" + UUID.randomUUID();
        String file = Http.post(ingest + "/v1/files", victim.key(), "multipart/form-data; boundary=" + boundary,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.jsonl\"\r\n"
                        + "Content-Type: application/jsonl\r\n\r\n{\"custom_id\":\"1\",\"method\":\"POST\",\"url\":"
                        + "\"/v1/chat/completions\",\"body\":{\"model\":\"gpt-4o-mini\",\"messages\":[]}}\r\n--"
                        + boundary + "--\r\n")
                .body().path("id").asText();
        attempts.add(
                refused("read another tenant's file", Http.get(ingest + "/v1/files/" + file, attacker.key()), 404));
        Http.Answer listing = Http.get(ingest + "/v1/files", attacker.key());
        attempts.add(Attempt.of("list another tenant's files",
                listing.status() == 200 && !listing.body().toString().contains(file),
                "HTTP " + listing.status() + ", the victim's file "
                        + (listing.body().toString().contains(file) ? "listed" : "not listed")));
        attempts.add(refused("read another tenant's costs",
                Http.get(cost + "/v1/costs/summary?tenant=" + victim.id(), attacker.key()), 403));
        attempts.add(refused("read costs without a key", Http.get(cost + "/v1/costs/summary", null), 401));
        return attempts;
    }

    /**
     * A batch far beyond the attacker's rate (600 a minute): refused, or taken into debt so that the attacker's next
     * submission is refused until it is repaid. Either way it costs a token per line, not one for the batch.
     */
    private Attempt batchChargedByLines() {
        String name = "a 5,000-line batch on a rate of 600 a minute";
        Http.Answer batch = Http.post(ingest + "/v1/request-batches", attacker.key(), "application/jsonl",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}\n".repeat(5_000));
        if (batch.status() == 413 || batch.status() == 429) {
            return Attempt.of(name, true, "refused, HTTP " + batch.status());
        }
        Http.Answer next = attacker.submit(ingest, "one more", "");
        return Attempt.of(name, batch.status() == 202 && next.status() == 429, "HTTP " + batch.status()
                + ", then the next submission HTTP " + next.status() + " (charged per line, repaid at the rate)");
    }

    private static Attempt refused(String name, Http.Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return Attempt.of(name, true, "refused, HTTP " + status + " in " + answer.took().toMillis() + " ms");
            }
        }
        return Attempt.of(name, false, "HTTP " + answer.status() + " " + abbreviated(answer.body().toString()));
    }

    /** Refused with one of {@code statuses} (or the connection closed on it) within {@link #QUICK}. */
    private static Attempt refusedQuickly(String name, Http.Answer answer, int... statuses) {
        Attempt refused = answer.status() == 0
                ? Attempt.of(name, true, "connection closed on it in " + answer.took().toMillis() + " ms")
                : refused(name, answer, statuses);
        boolean quick = answer.took().compareTo(QUICK) <= 0;
        return Attempt.of(name, refused.contained() && quick,
                refused.detail() + (quick ? "" : ", but only after " + answer.took().toMillis() + " ms"));
    }

    private static String abbreviated(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
