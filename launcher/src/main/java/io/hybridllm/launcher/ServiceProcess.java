package io.hybridllm.launcher;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a child process, its output in a log file of its own. */
final class ServiceProcess {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Process process;
    private final Path log;
    private final String url;
    private final String name;

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
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", application.toString()))
                .directory(options.home().toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            return new ServiceProcess(service, builder.start(), log, "http://localhost:" + port, name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    Service service() {
        return service;
    }

    Path log() {
        return log;
    }

    /** Waits until the service reports ready, or fails with the end of its log. */
    void awaitReady(Instant deadline) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with code " + process.exitValue()
                        + "; its log " + log + " ends with:\n" + tail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                service.module() + " was not ready in time; its log " + log + " ends with:\n" + tail());
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

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
