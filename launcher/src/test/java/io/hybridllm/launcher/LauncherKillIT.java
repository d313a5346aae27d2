package io.hybridllm.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ./hybrid up --simulate} as a process of its own (the launcher jar, in a session of its own, with its own state
 * directory, temporary directory and ports), killed with SIGKILL once it is up, alone or with its whole process group:
 * no shutdown hook runs, yet every process it started (the five services, which watch HYBRID_PARENT_PID, and
 * PostgreSQL, which a watcher outside the launcher's process group stops) must be gone within a minute, and
 * PostgreSQL's data directory with it.
 */
class LauncherKillIT {

    private static final Duration UP = Duration.ofMinutes(5);
    private static final Duration GONE = Duration.ofSeconds(60);

    @ParameterizedTest(name = "SIGKILL of the launcher {0}")
    @ValueSource(strings = { "alone", "with its process group" })
    void nothingTheLauncherStartedSurvivesItsSigkill(String kill, @TempDir Path dir) throws Exception {
        Path home = Path.of(System.getProperty("hybrid.home", "..")).toAbsolutePath().normalize();
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        // setsid: the launcher leads a process group of its own, which can be killed without this JVM.
        Process launcher = new ProcessBuilder("setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dhybrid.home=" + home,
                "-Dhybrid.state=" + dir.resolve("state"), "-Djava.io.tmpdir=" + tmp, "-jar",
                launcherJar(home).toString(), "up", "--simulate", "--base-port=" + freeBlockOfPorts(6))
                        .redirectErrorStream(true).start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            awaitUp(launcher);
            started.addAll(launcher.descendants().toList());
            assertThat(started.stream().filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar")))
                    .as("the five services").hasSize(5);
            Path dataDir = postgresDataDir(tmp);
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).getFirst().strip());
            started.add(ProcessHandle.of(postmaster).orElseThrow());

            if (kill.equals("alone")) {
                launcher.destroyForcibly();
            } else {
                new ProcessBuilder("kill", "-KILL", "--", "-" + launcher.pid()).inheritIO().start().waitFor();
            }
            launcher.waitFor(10, TimeUnit.SECONDS);

            await().atMost(GONE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(started.stream().filter(ProcessHandle::isAlive)
                            .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))).as("still running")
                                    .isEmpty());
            await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(dataDir));
        } finally {
            // Whatever outlived the check, so that a failed run leaves nothing behind either.
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void awaitUp(Process launcher) throws InterruptedException {
        CountDownLatch up = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null;) {
                    System.out.println("[launcher] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith("hybrid-llm is up.")) {
                        up.countDown();
                    }
                }
            } catch (IOException e) {
                // The launcher is gone.
            }
        });
        if (!up.await(UP.toSeconds(), TimeUnit.SECONDS)) {
            synchronized (output) {
                throw new AssertionError("the launcher was not up within " + UP + ":\n" + output);
            }
        }
    }

    private static Path launcherJar(Path home) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("launcher").resolve("target"))) {
            return jars.filter(p -> p.getFileName().toString().matches("launcher-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no launcher jar: package the launcher first"));
        }
    }

    private static Path postgresDataDir(Path tmp) throws IOException {
        try (Stream<Path> dirs = Files.list(tmp)) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("hybrid-postgres-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL data directory in " + tmp));
        }
    }

    /**
     * The first of {@code count} consecutive ports that are free now, below the kernel's ephemeral range: a port in it
     * can be taken between this check and the service's start by an outgoing connection of the system being started
     * (its Kafka clients make dozens), and a service then fails to bind it (seen once in CI-like runs here).
     */
    private static int freeBlockOfPorts(int count) {
        int ephemeralStart = ephemeralPortsStart();
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, Math.max(20_001, ephemeralStart - count));
            if (Stream.iterate(base, p -> p + 1).limit(count).allMatch(LauncherKillIT::free)) {
                return base;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    /** The first port the kernel hands out for outgoing connections (Linux; 32768 elsewhere, its usual value). */
    private static int ephemeralPortsStart() {
        try {
            return Integer.parseInt(
                    Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
