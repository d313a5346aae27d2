package io.hybridllm.ingest.config;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.Test;

import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI description covers every way in, and Swagger UI serves it. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest"))
class OpenApiTest {

    @Test
    void everyEndpointIsDescribed() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", containsString("hybrid-llm ingest")).body("paths", hasKey("/v1/requests"))
                .body("paths", hasKey("/v1/requests/{id}")).body("paths", hasKey("/v1/requests/{id}/feedback"))
                .body("paths", hasKey("/v1/request-batches")).body("paths", hasKey("/v1/request-batches/{id}/results"))
                .body("paths", hasKey("/v1/chat/completions")).body("paths", hasKey("/v1/models"))
                .body("paths", hasKey("/v1/files")).body("paths", hasKey("/v1/batches"))
                .body("paths", hasKey("/v1/admin/tenants")).body("components.securitySchemes", hasKey("tenantKey"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
