package io.hybridllm.worker.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policy files for the worker's tests ({@code hybrid.policy.file}), layered over the built-in policy. */
public final class LocalPolicies {

    private LocalPolicies() {
    }

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
