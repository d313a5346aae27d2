package io.hybridllm.ingest.tenants;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The admin API and a tenant's calls, as the tests of tenancy use them. */
final class Admin {

    static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + KeysProfile.ADMIN_TOKEN).header("X-Changed-By",
                "ops@example.org");
    }

    static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key);
    }

    /** Creates a tenant (with its own rate, if not null) and returns a new key of it. */
    static String tenantWithKey(String tenant, Integer perMinute) {
        admin().contentType(ContentType.JSON).body(
                "{\"id\":\"" + tenant + "\"" + (perMinute == null ? "" : ",\"requests_per_minute\":" + perMinute) + "}")
                .post("/v1/admin/tenants").then().statusCode(201);
        return admin().post("/v1/admin/tenants/" + tenant + "/keys").then().statusCode(201).extract().path("key");
    }

    static String submit(String key, String content) {
        return as(key).contentType(ContentType.JSON)
                .body("{\"messages\":[{\"role\":\"user\",\"content\":\"" + content + "\"}]}").post("/v1/requests")
                .then().statusCode(202).extract().path("id");
    }

    private Admin() {
    }
}
