package io.hybridllm.launcher.submit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.hybridllm.jobs.JobClientConfig;

/**
 * What {@code hybrid submit} was asked to do.
 *
 * @param kafka
 *            the Kafka client settings ({@code bootstrap.servers} and security), e.g. from the administrator's
 *            properties {@code ./hybrid up} writes
 */
public record SubmitOptions(Path input, Path output, String tenant, String jobId, Map<String, Object> kafka,
        boolean sharedTopic, int maxInFlight, Duration timeout, boolean terminal, Duration progressEvery) {

    public SubmitOptions {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("submit: " + input + " is not a file");
        }
        if (output.toAbsolutePath().equals(input.toAbsolutePath())) {
            throw new IllegalArgumentException("submit: --output must not be the input file");
        }
        kafka = Map.copyOf(kafka);
    }

    /** {@code questions.jsonl} gives {@code questions.results.jsonl}. */
    public static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - ".jsonl".length()) : name;
        return input.resolveSibling(stem + ".results.jsonl");
    }

    /** A job id from the file name: letters, digits and {@code . _ -} only, as topic names need. */
    public static String defaultJobId(Path input) {
        String name = input.getFileName().toString().replaceFirst("\\.jsonl$", "");
        String id = name.replaceAll("[^A-Za-z0-9._-]", "-");
        return id.isEmpty() || !Character.isLetterOrDigit(id.charAt(0)) ? "job-" + id : id;
    }

    JobClientConfig clientConfig() {
        Object servers = kafka.get("bootstrap.servers");
        if (servers == null) {
            throw new IllegalArgumentException("submit: no bootstrap.servers; give --bootstrap-servers");
        }
        JobClientConfig.Builder builder = JobClientConfig.builder(servers.toString(), tenant, jobId).kafka(kafka)
                .maxInFlight(maxInFlight, JobClientConfig.WhenFull.FAIL).timeout(timeout);
        return (sharedTopic ? builder.toSharedRequestTopic() : builder).build();
    }
}
