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

import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Editing the policy file changes routing without a restart; an invalid edit is refused and the old policy routes. */
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

    /** A fixed name: Quarkus loads this class twice, and both copies must mean the same file. */
    private static Path createFile() {
        try {
            Path file = Path.of(System.getProperty("java.io.tmpdir"), "hybrid-policy-reload-test.toml");
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
    void anEditTakesEffectAndAnInvalidOneIsRefused() throws IOException, InterruptedException {
        assertThat(explain()).containsEntry("policy_version", "v1").containsEntry("tier", "local-fast");

        Files.writeString(FILE, "version = \"v2\"\n[ai]\nmode = \"api-heavy\"\n");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertThat(explain()).containsEntry("policy_version", "v2").containsEntry("tier", "cloud"));

        Files.writeString(FILE, "version = \"v3\"\n[ai]\nmode = \"frugal\"\n");
        Thread.sleep(1_000);
        assertThat(explain()).containsEntry("policy_version", "v2").containsEntry("mode", "api-heavy");
    }
}
