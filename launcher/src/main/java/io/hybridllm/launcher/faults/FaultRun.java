package io.hybridllm.launcher.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.ReplyTopics;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;
import io.hybridllm.testkit.simulators.FaultRates;

/**
 * One fault-injection run against a running simulated system: requests through Kafka and HTTP at a fixed rate while
 * {@link Chaos} kills and restarts, the providers fail at their rates and poison goes to every topic and endpoint; then
 * the drain, and the {@link FaultReport}. The system is left as found: faults off, every service running.
 */
public final class FaultRun {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final LocalSystem system;
    private final FaultOptions options;
    private final String adminToken;
    private final PrintStream out;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String tenant = "faults-" + run;
    private final Ledger ledger = new Ledger();
    private final ProviderCalls calls = new ProviderCalls();

    /** {@code adminToken} is the HYBRID_ADMIN_TOKEN the system's services run with (the budget API needs it). */
    public FaultRun(LocalSystem system, FaultOptions options, String adminToken, PrintStream out) {
        this.system = system;
        this.options = options;
        this.adminToken = adminToken;
        this.out = out;
    }

    /** Runs, prints the report, and returns it ({@link FaultReport#failedChecks()} empty: passed). */
    public FaultReport run() throws Exception {
        Instant start = Instant.now();
        Map<String, Integer> restartsBefore = system.supervisorRestarts();
        Budget budget = new Budget(system.url(Service.COST), adminToken, tenant);
        budget.set(options.budgetUsd());
        calls.watch("ollama", system.ollama());
        calls.watch("openai", system.openai());
        system.ollama().setFaults(options.providerFaults(), options.seed());
        system.openai().setFaults(options.providerFaults(), options.seed() + 1);
        out.println("Fault run " + run + ": " + options.requests() + " requests at " + options.rate() + "/s over "
                + options.submitting().toSeconds() + " s, tenant " + tenant + ", budget " + options.budgetUsd()
                + " USD");
        Map<String, List<String>> poison;
        CompletableFuture<MalformedHttp.Result> malformed;
        List<String> events;
        List<String> injectionErrors;
        WorkerFaults.Counts workerFaults;
        try (KafkaClient kafka = new KafkaClient(system.kafkaAdminClient(), ledger, tenant,
                ReplyTopics.withDefaultPrefix().prefixFor(tenant) + "replies");
                HttpClientPath http = new HttpClientPath(system.url(Service.INGEST), tenant, ledger);
                // Closed first on any failure too, so that a killed worker is always started again.
                Chaos chaos = new Chaos(system, options, out)) {
            chaos.start();
            poison = Poison.produce(system.kafkaAdminClient(), run);
            out.println("  [faults] poison produced to " + poison.keySet());
            malformed = CompletableFuture.supplyAsync(() -> {
                try {
                    return MalformedHttp.send(system);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
            submit(kafka, http);
            kafka.flush();
            chaos.close();
            events = chaos.events();
            injectionErrors = new ArrayList<>(chaos.errors());
            workerFaults = chaos.workerFaults();
            system.ollama().setFaults(FaultRates.NONE, 0);
            system.openai().setFaults(FaultRates.NONE, 0);
            drain();
            recheck(http);
        } finally {
            system.ollama().setFaults(FaultRates.NONE, 0);
            system.openai().setFaults(FaultRates.NONE, 0);
            ProviderCalls.unwatch(system.ollama());
            ProviderCalls.unwatch(system.openai());
        }
        Map<String, List<DeadLetters.Letter>> letters = DeadLetters.read(system.kafkaAdminClient(), Poison.WITH_DLQ);
        List<String> others = new ArrayList<>();
        letters.forEach((dlq, list) -> list.stream()
                .filter(l -> l.at().isAfter(start) && (l.key() == null || !l.key().startsWith("poison-" + run)))
                .forEach(l -> others.add(dlq + " " + l.key() + ": " + l.reason())));
        Map<String, Integer> restarts = new LinkedHashMap<>();
        system.supervisorRestarts().forEach((service, count) -> {
            int during = count - restartsBefore.getOrDefault(service, 0);
            if (during > 0) {
                restarts.put(service, during);
            }
        });
        if (system.gaveUp().isDone()) {
            injectionErrors.add("the supervisor gave up on " + system.gaveUp().join());
        }
        FaultReport report = new FaultReport(options, ledger.summarize(), calls.repeats(), letters, poison, others,
                malformed.get(), health(), budget.overshoot(system.kafkaAdminClient()), events, injectionErrors,
                workerFaults, restarts, Duration.between(start, Instant.now()));
        report.print(out);
        return report;
    }

    private void submit(KafkaClient kafka, HttpClientPath http) {
        Random random = new Random(options.seed());
        long period = 1_000_000_000L / options.rate();
        long begin = System.nanoTime();
        for (int i = 0; i < options.requests(); i++) {
            long wait = begin + i * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long draw = random.nextLong() & Long.MAX_VALUE;
            if (i % 2 == 0) {
                String id = "f-" + run + "-" + i;
                kafka.submit(id, Prompts.of(id, draw));
            } else {
                String id = "h-" + run + "-" + i;
                http.submit(id, Prompts.of(id, draw));
            }
            if (i > 0 && i % (options.rate() * 10) == 0) {
                out.printf("  [faults] %,d submitted, %,d open%n", i, ledger.open());
            }
        }
    }

    /**
     * Waits until every accepted request has an outcome, or until none has come for the drain time: a backlog that is
     * still being worked off is slow, not lost.
     */
    private void drain() throws InterruptedException {
        long finished = ledger.finished();
        Instant quietSince = Instant.now();
        try (Backlog backlog = new Backlog(system.kafkaAdminClient())) {
            while (ledger.open() > 0 && Instant.now().isBefore(quietSince.plus(options.drain()))) {
                // Where they wait, so that a stall names its tier or hop: consumer lag per topic and group, and any
                // service that is not running.
                List<String> down = system.notRunning();
                out.printf("  [faults] draining: %,d requests without an outcome yet (by path: %s); waiting in: %s%s%n",
                        ledger.open(), ledger.openByPath(), Backlog.describe(backlog.waiting()),
                        down.isEmpty() ? "" : "; not running: " + down);
                Thread.sleep(5_000);
                if (ledger.finished() > finished) {
                    finished = ledger.finished();
                    quietSince = Instant.now();
                }
            }
            // Every answered call's usage counted before the budget is read: a cost service that was restarted during
            // the run reads its backlog after the last request has its answer.
            Instant usageDeadline = Instant.now().plus(options.drain());
            for (Long usage; (usage = backlog.waiting().get(Backlog.USAGE)) != null
                    && Instant.now().isBefore(usageDeadline);) {
                out.printf("  [faults] draining: %,d usage events not counted yet%n", usage);
                Thread.sleep(2_000);
            }
        }
    }

    /**
     * Reads every request again at the end, as its client could: a final state that differs from the outcome the client
     * saw first means the request was answered twice.
     */
    private void recheck(HttpClientPath http) throws InterruptedException {
        List<String[]> ids = new ArrayList<>();
        ledger.forEachAccepted((id, serverId) -> ids.add(new String[] { id, serverId }));
        Semaphore parallel = new Semaphore(16);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String[] pair : ids) {
                parallel.acquire();
                threads.submit(() -> {
                    try {
                        JsonNode view = http.view(pair[1], "");
                        if (view != null && HttpClientPath.FINAL.contains(view.path("status").asText())) {
                            ledger.recorded(pair[0], HttpClientPath.outcome(view));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        parallel.release();
                    }
                });
            }
        }
    }

    private Map<String, Boolean> health() throws InterruptedException {
        Map<String, Boolean> healthy = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            boolean ready;
            try {
                ready = HTTP
                        .send(HttpRequest.newBuilder(URI.create(system.url(service) + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException e) {
                ready = false;
            }
            healthy.put(service.module(), ready);
        }
        healthy.put("all processes running", system.allAlive());
        return healthy;
    }
}
