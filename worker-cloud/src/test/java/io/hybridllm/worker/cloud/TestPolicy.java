package io.hybridllm.worker.cloud;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The tests' policy file ({@code test-policy.toml}) with more TOML after it, as a file a worker can be given. */
public final class TestPolicy {

    public static final Path BASE = Path.of("src/test/resources/test-policy.toml");

    private TestPolicy() {
    }

    /** {@code extra} may add tables the base does not define, e.g. {@code [providers.openai]} or a new provider. */
    public static String file(String extra) {
        try {
            return write(Files.readString(BASE) + "\n" + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A policy file holding {@code toml} alone (over the built-in policy), for the worker's hybrid.policy.file. */
    public static String write(String toml) {
        try {
            Path file = Files.createTempFile("policy-", ".toml");
            file.toFile().deleteOnExit();
            Files.writeString(file, toml + "\n");
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
