package io.hybridllm.launcher.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child process, its output in a log file of its own. It is told the launcher's process id
 * ({@code HYBRID_PARENT_PID}) and exits by itself when that process is gone, so that a killed launcher leaves no
 * service behind.
 */
final class ServiceProcess {

    /** The variable that names the process a service stops with. */
    static final String PARENT_PID = "HYBRID_PARENT_PID";

    /**
     * A folder to record each service's JFR profile in ({@code <name>.jfr}, the {@code profile} settings, written when
     * the service exits); unset, nothing is recorded. For profiling under load: {@code HYBRID_JFR=/tmp/jfr ./hybrid
     * bench load ...}, then {@code jfr print --events jdk.ExecutionSample /tmp/jfr/ingest-service.jfr}.
     */
    static final String JFR_FOLDER = "HYBRID_JFR";

    /**
     * Options for every service's JVM, separated by spaces, after the launcher's own (so {@code -Xmx1g} there wins):
     * for trying a collector or a compiler setting, {@code HYBRID_SERVICE_JVM_OPTIONS="-XX:+UseParallelGC" ./hybrid
     * bench load ...}.
     */
    static final String JVM_OPTIONS = "HYBRID_SERVICE_JVM_OPTIONS";

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Process process;
    private final Path log;
    private final String url;
    private final String name;
    private final Instant started = Instant.now();

    private ServiceProcess(Service service, Process process, Path log, String url, String name) {
        this.service = service;
        this.process = process;
        this.log = log;
        this.url = url;
        this.name = name;
    }

    /** The module's name, or a replica's own. */
    String name() {
        return name;
    }

    /** The operating system's id of the service's process, for its CPU and memory in benchmarks. */
    long pid() {
        return process.pid();
    }

    static ServiceProcess start(Service service, LaunchOptions options, Map<String, String> env) {
        return start(service, options.port(service), service.module(), options, env);
    }

    /** Another instance of a service (a second replica), on its own port and with its own log. */
    static ServiceProcess start(Service service, int port, String name, LaunchOptions options,
            Map<String, String> env) {
        Path application = options.application(service);
        if (!Files.isRegularFile(application)) {
            throw new IllegalStateException(application + " is missing: build first (./mvnw package -DskipTests)");
        }
        Path log = options.logDir().resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(command(java, name, application, System.getenv()))
                .directory(options.home().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put(PARENT_PID, String.valueOf(ProcessHandle.current().pid()));
        try {
            return new ServiceProcess(service, builder.start(), log, "http://localhost:" + port, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    /** The service's command line, with what the launcher's environment adds to it. */
    static List<String> command(String java, String name, Path application, Map<String, String> environment) {
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        String options = environment.get(JVM_OPTIONS);
        if (options != null && !options.isBlank()) {
            command.addAll(List.of(options.strip().split("\\s+")));
        }
        String jfr = environment.get(JFR_FOLDER);
        if (jfr != null && !jfr.isBlank()) {
            Path folder = Path.of(jfr).toAbsolutePath();
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException(JFR_FOLDER + "=" + jfr + " is not a folder that can be written", e);
            }
            command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + folder.resolve(name + ".jfr"));
        }
        command.addAll(List.of("-jar", application.toString()));
        return command;
    }

    Service service() {
        return service;
    }

    Path log() {
        return log;
    }

    Instant started() {
        return started;
    }

    /** Whether the service answers its readiness check with 200 now. */
    boolean ready() throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // Not listening yet.
        }
    }

    /** Completes when the process has exited, for whatever reason. */
    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** The exit code of a process that has exited. */
    int exitCode() {
        return process.exitValue();
    }

    /** Asks the service to stop (SIGTERM, so it drains), and kills it if it has not after the grace period. */
    void requestStop() {
        process.destroy();
    }

    /** Ends the process at once with SIGKILL, as a crash or the OOM killer would: no draining, no commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    boolean alive() {
        return process.isAlive();
    }

    void awaitStopped() throws InterruptedException {
        if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** The last lines of a log file, for the messages that say why a service stopped. */
    static String tail(Path log, int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
