package io.hybridllm.cost.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads cost summaries over HTTP, with amounts as exact decimals. */
final class Summaries {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The summary for {@code query}, e.g. {@code tenant=acme&group_by=day}. */
    static JsonNode get(String query) {
        return read(given().get("/v1/costs/summary?" + query).then().statusCode(200).contentType("application/json")
                .extract().asString());
    }

    /** A JSON answer with its amounts as exact decimals. */
    static JsonNode read(String body) {
        try {
            return EXACT.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the summary counts {@code calls} calls in total: usage arrives asynchronously. */
    static JsonNode awaitCalls(String query, long calls) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> get(query),
                summary -> summary.at("/total/calls").asLong() == calls);
    }

    private Summaries() {
    }
}
