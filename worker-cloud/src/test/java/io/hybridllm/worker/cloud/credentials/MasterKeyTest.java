package io.hybridllm.worker.cloud.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.hybridllm.worker.cloud.config.WorkerConfig;

class MasterKeyTest {

    private static final String ENCODED = Base64.getEncoder().encodeToString(CredentialCipherTest.MASTER);

    record Settings(Optional<Path> masterKeyFile, Optional<String> masterKeyId) implements WorkerConfig.Credentials {

        @Override
        public Optional<String> store() {
            return Optional.of("postgresql");
        }

        @Override
        public Duration reloadInterval() {
            return Duration.ofSeconds(30);
        }
    }

    static final Settings NONE = new Settings(Optional.empty(), Optional.empty());

    @Test
    void fromTheEnvironmentOrAFileWithAnIdDerivedFromTheKeyUnlessOneIsSet(@TempDir Path dir) throws IOException {
        MasterKey fromEnv = MasterKey.load(NONE, Map.of(MasterKey.VARIABLE, ENCODED)::get);
        assertThat(fromEnv.key().getEncoded()).isEqualTo(CredentialCipherTest.MASTER);
        assertThat(fromEnv.id()).matches("mk-[0-9a-f]{8}");
        assertThat(fromEnv.toString()).isEqualTo("MasterKey[" + fromEnv.id() + "]");

        Path file = Files.writeString(dir.resolve("master.key"), ENCODED + "\n");
        MasterKey fromFile = MasterKey.load(new Settings(Optional.of(file), Optional.of("2026-11")), name -> null);
        assertThat(fromFile.key().getEncoded()).isEqualTo(CredentialCipherTest.MASTER);
        assertThat(fromFile.id()).isEqualTo("2026-11");
    }

    @Test
    void aMissingShortOrMalformedKeyStopsTheWorkerNamingTheSettingNotTheValue(@TempDir Path dir) {
        assertThatThrownBy(() -> MasterKey.load(NONE, name -> null))
                .hasMessage("credential store: no master key; set HYBRID_CREDENTIALS_MASTER_KEY or "
                        + "hybrid.cloud.credentials.master-key-file to 32 random bytes, base64 (openssl rand -base64 32)");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> MasterKey.load(NONE, Map.of(MasterKey.VARIABLE, shortKey)::get))
                .hasMessage("credential store: the master key in HYBRID_CREDENTIALS_MASTER_KEY holds 16 bytes; AES-256 "
                        + "needs exactly 32 (openssl rand -base64 32)")
                .hasMessageNotContaining(shortKey);
        String malformed = "not-base64-at-all-sk-" + ENCODED;
        assertThatThrownBy(() -> MasterKey.load(NONE, Map.of(MasterKey.VARIABLE, malformed)::get))
                .hasMessageContaining("HYBRID_CREDENTIALS_MASTER_KEY is not base64").hasMessageNotContaining(ENCODED);
        Path missing = dir.resolve("absent.key");
        assertThatThrownBy(() -> MasterKey.load(new Settings(Optional.of(missing), Optional.empty()), name -> null))
                .hasMessageStartingWith("credential store: cannot read the master key file " + missing
                        + " (hybrid.cloud.credentials.master-key-file)");
        assertThatThrownBy(() -> MasterKey.load(new Settings(Optional.of(missing), Optional.empty()),
                Map.of(MasterKey.VARIABLE, ENCODED)::get)).hasMessageContaining("not both");
    }
}
