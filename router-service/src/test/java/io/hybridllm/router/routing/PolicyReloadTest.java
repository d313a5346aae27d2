package io.hybridllm.router.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.AuditEvent;
import io.hybridllm.contracts.Topics;
import io.hybridllm.contracts.json.Json;
import io.hybridllm.testkit.kafka.KafkaProbe;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Editing the policy file changes routing without a restart; an invalid edit is refused and the old policy routes. Both
 * are audited.
 */
@QuarkusTest
@TestProfile(PolicyReloadTest.WatchedFile.class)
@WithTestResource(KafkaTestResource.class)
class PolicyReloadTest {

    static final Path FILE = createFile();

    public static class WatchedFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hybrid.policy.file", FILE.toString(), "hybrid.policy.watch-interval", "100ms");
        }
    }

    /**
     * A fixed name: Quarkus loads this class twice, and both copies must mean the same file. It is in this build's own
     * target folder, not the shared temp folder, where another checkout's build could edit it at the same time.
     */
    private static Path createFile() {
        try {
            Path file = Path.of("target", "policy-reload-test.toml").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "version = \"v1\"\n");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> explain() {
        return given().contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}").when()
                .post("/v1/route/explain").then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void anEditTakesEffectAndAnInvalidOneIsRefused() throws IOException {
        assertThat(explain()).containsEntry("policy_version", "v1").containsEntry("tier", "local-fast");

        Files.writeString(FILE, "version = \"v2\"\n[ai]\nmode = \"api-heavy\"\n");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(explain()).containsEntry("policy_version", "v2").containsEntry("tier", "cloud"));

        AuditEvent applied = audited(AuditEvent.Action.POLICY_FILE_APPLIED);
        assertThat(applied.version()).isEqualTo("v2");
        assertThat(applied.previousVersion()).isEqualTo("v1");
        assertThat(applied.changedKeys()).containsExactly("ai.mode");
        assertThat(applied.actor()).isEqualTo("file owner " + Files.getOwner(FILE).getName());

        Files.writeString(FILE, "version = \"v3\"\n[ai]\nmode = \"frugal\"\n");
        AuditEvent refused = audited(AuditEvent.Action.POLICY_REFUSED);
        assertThat(refused.previousVersion()).isEqualTo("v2");
        assertThat(refused.detail()).contains(FILE + ": ai.mode: is 'frugal'");
        assertThat(explain()).containsEntry("policy_version", "v2").containsEntry("mode", "api-heavy");
    }

    /** This test's audit event: the one that names its file (the audit topic is shared with the other tests). */
    private static AuditEvent audited(AuditEvent.Action action) {
        return Json.read(KafkaProbe.shared().await(Topics.AUDIT, record -> {
            AuditEvent event = Json.read(record.value(), AuditEvent.class);
            return event.action() == action && event.origin().startsWith(FILE + " on router-service@");
        }, Duration.ofSeconds(10)).value(), AuditEvent.class);
    }
}
