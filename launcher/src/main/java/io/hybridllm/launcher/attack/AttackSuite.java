package io.hybridllm.launcher.attack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import io.hybridllm.launcher.faults.FaultSuite;
import io.hybridllm.launcher.system.LaunchOptions;
import io.hybridllm.launcher.system.LocalSystem;
import io.hybridllm.launcher.system.Service;

/**
 * {@code hybrid attack}: starts the simulated system closed, as the shipped deployments run it (tenant keys on ingest
 * and on cost reports), makes an honest tenant and an adversarial one, and measures the honest tenant's traffic alone,
 * then again while the adversary tries everything in {@link Attacks}. Returns what failed: an attempt not contained
 * (known gaps aside), or an honest request lost.
 */
public final class AttackSuite {

    /** How long each phase of honest traffic lasts, and its rate per second. */
    public record Options(Duration phase, int rate) {
    }

    public static List<String> run(Path home, Options options, PrintStream out) throws Exception {
        String adminToken = UUID.randomUUID().toString();
        Map<String, String> environment = new HashMap<>(FaultSuite.environment(adminToken));
        environment.put("HYBRID_INGEST_AUTH", "keys");
        environment.put("HYBRID_REPORTS_AUTH", "keys");
        LaunchOptions launch = LaunchOptions.defaults(home).withSimulation(true, Duration.ofMillis(20))
                .withPorts(0, FaultSuite.freePorts()).withEnvironment(environment);
        try (LocalSystem system = new LocalSystem(launch).stopOnExit()) {
            system.start(out);
            return run(system, adminToken, options, out);
        }
    }

    static List<String> run(LocalSystem system, String adminToken, Options options, PrintStream out) throws Exception {
        String ingest = system.url(Service.INGEST);
        String suffix = Long.toString(System.currentTimeMillis(), 36);
        Tenant victim = Tenant.make(ingest, adminToken, "honest-" + suffix, 1_000_000);
        Tenant attacker = Tenant.make(ingest, adminToken, "attacker-" + suffix, 600);
        Attacks attacks = new Attacks(
                Map.of("ingest", ingest, "router", system.url(Service.ROUTER), "cost", system.url(Service.COST)),
                system.kafkaTenantClient(attacker.id()), adminToken, attacker, victim);
        HonestClient honest = new HonestClient(ingest, victim);

        out.println(
                "Honest traffic alone: " + options.rate() + " requests/s for " + options.phase().toSeconds() + " s");
        HonestClient.Phase alone = honest.run(options.rate(), options.phase(), "alone");
        out.println("Honest traffic while the attacker tries everything");
        CompletableFuture<List<Attempt>> attempts = CompletableFuture.supplyAsync(attacks::all);
        HonestClient.Phase attacked = honest.run(options.rate(), options.phase(), "attacked");
        List<Attempt> results = attempts.get();

        out.println();
        out.println("What the attacker tried");
        results.forEach(attempt -> out.println(attempt.line()));
        out.println();
        out.println("Honest tenant                sent  succeeded  lost  p50 ms  p99 ms");
        out.println(row("alone", alone));
        out.println(row("while attacked", attacked));

        List<String> failed = new ArrayList<>();
        results.stream().filter(a -> !a.contained() && !a.knownGap()).forEach(a -> failed.add(a.name()));
        if (alone.lost() + attacked.lost() > 0) {
            failed.add((alone.lost() + attacked.lost()) + " honest requests lost");
        }
        out.println();
        out.println(
                failed.isEmpty() ? "Every attempt was refused or contained (known gaps aside); nothing honest was lost."
                        : "FAILED: " + String.join("; ", failed));
        return failed;
    }

    private static String row(String label, HonestClient.Phase phase) {
        return String.format("  %-24s %6d %10d %5d %7d %7d", label, phase.sent(), phase.succeeded(), phase.lost(),
                phase.p50Ms(), phase.p99Ms());
    }

    private AttackSuite() {
    }
}
