package io.hybridllm.launcher.attack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

import io.hybridllm.contracts.json.Json;

/** The HTTP calls of the attack suite: one client, answers read as status and JSON, bounded in time. */
final class Http {

    /** An answer: its status, its body as JSON (empty object when not JSON), and how long it took. */
    record Answer(int status, JsonNode body, Duration took) {
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    static Answer get(String url, String key) {
        return send(request(url, key).GET());
    }

    static Answer post(String url, String key, String contentType, String body) {
        return send(
                request(url, key).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static Answer postJson(String url, String key, String body) {
        return post(url, key, "application/json", body);
    }

    static Answer delete(String url, String key) {
        return send(request(url, key).DELETE());
    }

    /** Sends {@code bytes} of a body declared up front, expecting the server to refuse before it reads them. */
    static Answer postLarge(String url, String key, long bytes) {
        return send(request(url, key).header("Content-Type", "application/json").expectContinue(true)
                .POST(HttpRequest.BodyPublishers
                        .fromPublisher(HttpRequest.BodyPublishers.ofByteArrays(() -> new java.util.Iterator<byte[]>() {
                            private long sent;

                            @Override
                            public boolean hasNext() {
                                return sent < bytes;
                            }

                            @Override
                            public byte[] next() {
                                int size = (int) Math.min(64 * 1024, bytes - sent);
                                sent += size;
                                return new byte[size];
                            }
                        }), bytes)));
    }

    private static HttpRequest.Builder request(String url, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        return key == null ? builder : builder.header("Authorization", "Bearer " + key);
    }

    private static Answer send(HttpRequest.Builder builder) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = Json.mapper().readTree(response.body());
            } catch (IOException e) {
                body = Json.mapper().createObjectNode();
            }
            return new Answer(response.statusCode(), body == null ? Json.mapper().createObjectNode() : body,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            // A server that refuses a body by closing the connection: status 0, contained if quick.
            return new Answer(0, Json.mapper().createObjectNode().put("error", String.valueOf(e.getMessage())),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
