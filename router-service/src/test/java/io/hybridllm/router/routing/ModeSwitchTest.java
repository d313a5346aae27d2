package io.hybridllm.router.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hybridllm.policy.PolicyLoader;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The mode in force decides: the same simple question is answered locally in hybrid and by the cloud in api-heavy. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class ModeSwitchTest {

    @Inject
    PolicyInForce policies;

    private final PolicyLoader.Loaded builtIn = PolicyLoader.load(List.of());

    @AfterEach
    void restore() {
        policies.replace(builtIn);
    }

    private static void explainSimpleChat(String tier, String provider) {
        given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}")
                .when().post("/v1/route/explain").then().statusCode(200).body("tier", equalTo(tier))
                .body("targets[0].provider", equalTo(provider));
    }

    @Test
    void theModeInForceChoosesTheRoute() throws IOException {
        explainSimpleChat("local-fast", "ollama");
        Path file = Files.createTempFile("api-heavy", ".toml");
        Files.writeString(file, "version = \"ops-9\"\n[ai]\nmode = \"api-heavy\"\n");
        policies.replace(PolicyLoader.load(List.of(file)));
        explainSimpleChat("cloud", "openai");
        given().contentType(ContentType.JSON).body("{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}")
                .when().post("/v1/route/explain").then().body("mode", equalTo("api-heavy"))
                .body("policy_version", equalTo("ops-9"))
                .body("rule", startsWith("mode api-heavy, routing.api-heavy.chat, quick depth"));
        Files.delete(file);
    }
}
