package io.hybridllm.worker.cloud.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.hybridllm.worker.cloud.config.WorkerConfig;

/**
 * The key that seals the stored credentials: 32 random bytes, base64, from {@value #VARIABLE} or the file
 * {@value #FILE_SETTING} names. It is never stored and never shown; {@link #toString()} names its id alone. Errors name
 * the setting and what is wrong with it, never its content.
 */
public record MasterKey(String id, SecretKey key) {

    public static final String VARIABLE = "HYBRID_CREDENTIALS_MASTER_KEY";
    public static final String FILE_SETTING = "hybrid.cloud.credentials.master-key-file";
    static final int BYTES = 32;

    /** The master key as configured; {@code env} reads an environment variable (through the configuration). */
    public static MasterKey load(WorkerConfig.Credentials config, Function<String, String> env) {
        String variable = Optional.ofNullable(env.apply(VARIABLE)).filter(v -> !v.isBlank()).orElse(null);
        Optional<Path> file = config.masterKeyFile();
        if (variable != null && file.isPresent()) {
            throw new IllegalArgumentException("credential store: set the master key in one place, " + VARIABLE + " or "
                    + FILE_SETTING + ", not both");
        }
        if (variable == null && file.isEmpty()) {
            throw new IllegalArgumentException("credential store: no master key; set " + VARIABLE + " or "
                    + FILE_SETTING + " to 32 random bytes, base64 (openssl rand -base64 32)");
        }
        String where = variable != null ? VARIABLE : FILE_SETTING + " (" + file.get() + ")";
        byte[] bytes = decode(variable != null ? variable : read(file.get()), where);
        String id = config.masterKeyId().filter(v -> !v.isBlank()).map(String::strip).orElseGet(() -> derivedId(bytes));
        return new MasterKey(id, new SecretKeySpec(bytes, "AES"));
    }

    /** A key for tests and tools: {@code bytes} must be 32 long. */
    static MasterKey of(String id, byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a master key has 32 bytes, not " + bytes.length);
        }
        return new MasterKey(id, new SecretKeySpec(bytes, "AES"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "credential store: cannot read the master key file " + file + " (" + FILE_SETTING + "): " + e);
        }
    }

    private static byte[] decode(String encoded, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: not repeated here.
            throw new IllegalArgumentException("credential store: the master key in " + where
                    + " is not base64; it must be 32 random bytes, base64 (openssl rand -base64 32)");
        }
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("credential store: the master key in " + where + " holds " + bytes.length
                    + " bytes; AES-256 needs exactly 32 (openssl rand -base64 32)");
        }
        return bytes;
    }

    /** A fingerprint of the key, so that a row sealed under another key is told apart without configuring ids. */
    private static String derivedId(byte[] key) {
        return "mk-" + Fingerprints.of("hybrid-llm master key id\0".getBytes(StandardCharsets.US_ASCII), key);
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
