package io.hybridllm.ingest.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.hybridllm.contracts.http.Problem;
import io.hybridllm.ingest.tenants.KeysProfile;
import io.hybridllm.testkit.quarkus.KafkaTestResource;
import io.hybridllm.testkit.quarkus.PostgresTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** Bodies over their route's limit are refused before they are read and before any key is looked at. */
@QuarkusTest
@TestProfile(KeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "ingest_keys"))
class BodyLimitTest {

    /** Over the profile's 2,048-byte request limit, under the batch limit. */
    private static final String OVERSIZED = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(4000)
            + "\"}]}";

    @TestHTTPResource("/v1/requests")
    URI requests;

    @Test
    void anOversizedSubmissionIsA413BeforeTheKeyIsChecked() {
        given().header("Authorization", "Bearer not-a-key").contentType(ContentType.JSON).body(OVERSIZED).when()
                .post("/v1/requests").then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("the limit of POST /v1/requests is 2048"));
    }

    @Test
    void anOversizedChatCompletionIsA413InOpenAisShape() {
        given().contentType(ContentType.JSON).body(OVERSIZED).when().post("/v1/chat/completions").then().statusCode(413)
                .contentType(ContentType.JSON).body("error.code", equalTo("too_large"))
                .body("error.type", equalTo("invalid_request_error"));
    }

    @Test
    void aBatchOfTheSameSizeIsWithinItsOwnLimitSoTheKeyDecides() {
        given().header("Authorization", "Bearer not-a-key").contentType("application/jsonl")
                .body(OVERSIZED.getBytes(StandardCharsets.UTF_8)).when().post("/v1/request-batches").then()
                .statusCode(401);
    }

    @Test
    void aSubmissionOfUnknownLengthIsRefusedWith411() throws Exception {
        byte[] body = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}".getBytes(StandardCharsets.UTF_8);
        // A body publisher of unknown length: the client sends it chunked, without Content-Length.
        HttpRequest chunked = HttpRequest.newBuilder(requests).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(chunked, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(411);
            assertThat(response.body()).contains("send Content-Length");
        }
    }

    /**
     * The client is told to stop sending what was refused, on either protocol: without it an HTTP/2 client sent the
     * whole body before it took the 413 (1.2 MB took up to 30 s under load in the fault run), and the server read it.
     */
    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void aRefusedBodyIsNotSentInFull(HttpClient.Version version) throws Exception {
        long declared = 256L << 20;
        AtomicLong sent = new AtomicLong();
        InputStream body = new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = (int) Math.min(length, declared - sent.get());
                if (n <= 0) {
                    return -1;
                }
                Arrays.fill(buffer, offset, offset + n, (byte) 'a');
                sent.addAndGet(n);
                return n;
            }
        };
        HttpRequest oversized = HttpRequest.newBuilder(requests).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                        .fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body), declared))
                .build();
        try (HttpClient client = HttpClient.newBuilder().version(version).build()) {
            // HTTP/2 without TLS begins with an upgrade from HTTP/1.1: made by a request without a body.
            client.send(HttpRequest.newBuilder(requests.resolve("/q/health/live")).build(),
                    HttpResponse.BodyHandlers.discarding());

            HttpResponse<String> response = client.send(oversized, HttpResponse.BodyHandlers.ofString());

            assertThat(response.version()).isEqualTo(version);
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.body()).contains("the body is " + declared + " bytes");
            assertThat(sent.get()).as("bytes of the body read by the client").isLessThan(declared / 16);
        }
    }
}
