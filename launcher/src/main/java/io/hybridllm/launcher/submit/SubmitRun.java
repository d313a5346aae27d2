package io.hybridllm.launcher.submit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.hybridllm.contracts.LlmReply;
import io.hybridllm.contracts.LlmRequest;
import io.hybridllm.jobs.JobClient;
import io.hybridllm.jobs.JobClientConfig;
import io.hybridllm.jobs.JobClientException;

/**
 * One {@code hybrid submit} run: submits the lines of the input its journal has no record of, awaits the replies of
 * every submitted line, and writes the results file in input order once every line has its result. Stopped (Ctrl-C) it
 * stops submitting, lets the sends under way finish, and leaves the journal to resume from.
 */
public final class SubmitRun {

    /** Exit codes: every line succeeded, some did not, the run was stopped before the end. */
    public static final int ALL_SUCCEEDED = 0;
    public static final int SOME_FAILED = 1;
    public static final int INTERRUPTED = 130;

    private final SubmitOptions options;
    private final PrintStream out;
    private final AtomicInteger open = new AtomicInteger();

    public SubmitRun(SubmitOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public int run(BooleanSupplier stop) throws IOException, InterruptedException {
        int total = countLines();
        try (Journal journal = Journal.of(options.output())) {
            String input = digest();
            if (journal.input() == null) {
                journal.startInput(input);
            } else if (!journal.input().equals(input)) {
                throw new IllegalArgumentException("the journal next to " + options.output() + " belongs to another "
                        + "input (or " + options.input() + " changed since): remove it, or choose another --output");
            }
            Map<String, Instant> earlier = new HashMap<>();
            Map<String, Integer> lineOf = new HashMap<>();
            journal.awaiting().forEach((line, submitted) -> {
                earlier.put(submitted.id(), submitted.giveUpAt());
                lineOf.put(submitted.id(), line);
            });
            if (!earlier.isEmpty()) {
                out.printf("Resuming: %d results kept, %d requests awaited, none submitted again%n",
                        journal.results().size(), earlier.size());
            }
            JobClientConfig config = options.clientConfig();
            try (JobClient client = JobClient.open(config, earlier)) {
                Progress progress = new Progress(out, options.terminal(), options.progressEvery(), total,
                        journal.results().size(), client::inFlight);
                lineOf.forEach((id, line) -> await(journal, progress, line, id, client.reply(id)));
                boolean complete = submitNew(journal, client, progress, stop) && awaitAll(progress, stop);
                progress.show(true);
                if (!complete) {
                    out.printf("Stopped: run the same command again to resume (journal %s.journal)%n",
                            options.output());
                    return INTERRUPTED;
                }
            }
            return writeResults(journal);
        }
    }

    private boolean submitNew(Journal journal, JobClient client, Progress progress, BooleanSupplier stop)
            throws IOException, InterruptedException {
        try (BufferedReader reader = Files.newBufferedReader(options.input(), StandardCharsets.UTF_8)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank() || journal.seen(number)) {
                    continue;
                }
                LlmRequest request;
                try {
                    request = InputLine.parse(text, number, options.tenant(), options.jobId());
                } catch (IllegalArgumentException e) {
                    journal.result(number, ResultLine.invalid(number, e.getMessage()));
                    progress.ended(false, BigDecimal.ZERO);
                    continue;
                }
                // A slot first, then the journal, then the send: a line journaled is a line sent.
                while (client.inFlight() >= options.maxInFlight()) {
                    if (stop.getAsBoolean()) {
                        return false;
                    }
                    progress.show(false);
                    Thread.sleep(10);
                }
                if (stop.getAsBoolean()) {
                    return false;
                }
                Instant giveUpAt = request.hints().deadline() != null ? request.hints().deadline()
                        : Instant.now().plus(options.timeout());
                journal.submitted(number, request.id(), giveUpAt);
                int line = number;
                await(journal, progress, line, request.id(), client.submit(request));
                progress.show(false);
            }
        }
        return true;
    }

    private void await(Journal journal, Progress progress, int line, String id, CompletableFuture<LlmReply> outcome) {
        open.incrementAndGet();
        outcome.whenComplete((reply, failure) -> {
            if (failure instanceof JobClientException.Closed
                    || failure != null && failure.getCause() instanceof JobClientException.Closed) {
                open.decrementAndGet();
                return; // stopped: the line stays awaited in the journal
            }
            boolean success = failure == null && reply.status() == LlmReply.Status.SUCCEEDED;
            journal.result(line, failure != null ? ResultLine.noReply(line, id, failure.getMessage())
                    : ResultLine.of(line, id, reply));
            progress.ended(success, failure == null ? reply.costUsd() : BigDecimal.ZERO);
            open.decrementAndGet();
        });
    }

    private boolean awaitAll(Progress progress, BooleanSupplier stop) throws InterruptedException {
        while (open.get() > 0) {
            if (stop.getAsBoolean()) {
                return false;
            }
            progress.show(false);
            Thread.sleep(50);
        }
        return true;
    }

    private int writeResults(Journal journal) throws IOException {
        int failed = 0;
        try (BufferedWriter writer = Files.newBufferedWriter(options.output(), StandardCharsets.UTF_8)) {
            for (String result : journal.results().values()) {
                writer.write(result);
                writer.newLine();
                failed += ResultLine.succeeded(result) ? 0 : 1;
            }
        }
        out.printf("Results: %s (%d lines, %d not succeeded)%n", options.output(), journal.results().size(), failed);
        return failed == 0 ? ALL_SUCCEEDED : SOME_FAILED;
    }

    private int countLines() throws IOException {
        try (var lines = Files.lines(options.input(), StandardCharsets.UTF_8)) {
            return (int) Math.min(Integer.MAX_VALUE, lines.filter(line -> !line.isBlank()).count());
        }
    }

    private String digest() throws IOException {
        try (var in = Files.newInputStream(options.input())) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read; (read = in.read(buffer)) > 0;) {
                sha.update(buffer, 0, read);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
