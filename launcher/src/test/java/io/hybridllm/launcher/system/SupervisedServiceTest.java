package io.hybridllm.launcher.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor on a service that can never start (its application is not a jar, so the JVM exits with code 1 at
 * once): it is started again after 1, 2, 4 and 8 s, each exit logged with its code and the end of its log, and given up
 * on at the fifth exit, loudly.
 */
class SupervisedServiceTest {

    @Test
    void aServiceThatKeepsFailingIsRestartedWithBackoffThenGivenUpOn(@TempDir Path home) throws Exception {
        Path application = LaunchOptions.defaults(home).application(Service.ROUTER);
        Files.createDirectories(application.getParent());
        Files.writeString(application, "not a jar");
        LaunchOptions options = LaunchOptions.defaults(home);
        Files.createDirectories(options.logDir());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CompletableFuture<String> gaveUp = new CompletableFuture<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            SupervisedService router = new SupervisedService(Service.ROUTER, 1, "router-service", options, Map.of(),
                    timer, new PrintStream(printed, true, StandardCharsets.UTF_8), gaveUp::complete);
            Instant start = Instant.now();
            router.start();

            String reason = gaveUp.get(2, TimeUnit.MINUTES);
            Duration took = Duration.between(start, Instant.now());

            assertThat(reason).contains("router-service exited unexpectedly with code 1", "5 such exits within 2",
                    "Invalid or corrupt jarfile");
            assertThat(router.restarts()).isEqualTo(4);
            assertThat(took).as("1 + 2 + 4 + 8 s of backoff").isGreaterThanOrEqualTo(Duration.ofSeconds(15));
            String log = printed.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("starting it again in 1000 ms (restart 1)", "in 2000 ms (restart 2)",
                    "in 4000 ms (restart 3)", "in 8000 ms (restart 4)", "router-service.1.log ends with:");
            assertThat(options.logDir().resolve("router-service.5.log")).content().contains("Invalid or corrupt");
            assertThat(router.alive()).isFalse();
            assertThatThrownBy(() -> router.awaitReady(Instant.now().plusSeconds(5)))
                    .hasMessageContaining("gave up on router-service");
        } finally {
            timer.shutdownNow();
        }
    }
}
