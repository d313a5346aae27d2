package io.hybridllm.router.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With an admin token configured, explain needs it (as {@code PUT /v1/policy} does); an oversized body is refused from
 * its declared length, before it is read.
 */
@QuarkusTest
@TestProfile(PolicyPublishTest.Admin.class)
@WithTestResource(KafkaTestResource.class)
class ExplainGuardTest {

    private static final String BODY = "{\"messages\":[{\"role\":\"user\",\"content\":\"What is 2+2?\"}]}";

    @TestHTTPResource("/")
    URL root;

    @Test
    void explainNeedsTheAdminTokenWhenOneIsConfigured() {
        given().contentType(ContentType.JSON).body(BODY).when().post("/v1/route/explain").then().statusCode(401)
                .contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .body("type", containsString("unauthorized"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer guess").body(BODY).when()
                .post("/v1/route/explain").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer test-admin-token").body(BODY).when()
                .post("/v1/route/explain").then().statusCode(200).body("tier", equalTo("local-fast"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsSent() throws IOException {
        // only the headers go out: the answer must come without the router waiting for the 2 MB they announce
        assertThat(headersOnly("Authorization: Bearer test-admin-token\r\n")).startsWith("HTTP/1.1 413")
                .contains(Problem.MEDIA_TYPE).contains("too-large").contains("2000000 bytes");
        // the size is checked before the token, which is cheap too, and without a token
        assertThat(headersOnly("")).startsWith("HTTP/1.1 413").contains("too-large");
    }

    /** Sends a request announcing a 2 MB body without sending it, and reads the whole answer. */
    private String headersOnly(String authorization) throws IOException {
        String head = "POST /v1/route/explain HTTP/1.1\r\nHost: " + root.getHost() + "\r\n"
                + "Content-Type: application/json\r\n" + authorization + "Content-Length: 2000000\r\n\r\n";
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (SocketTimeoutException e) {
                // the router kept the connection open: whatever it answered is checked
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
