package io.hybridllm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * An OpenTelemetry collector as far as the tests need one: it takes OTLP/HTTP exports ({@code POST /v1/traces},
 * protobuf) and keeps their bodies. A span's trace id is a 16-byte field and the exporting service's name a string in
 * the same body, so which services traced a request can be read without decoding the protobuf.
 */
final class TraceCollector implements AutoCloseable {

    private final HttpServer server;
    private final List<byte[]> exports = new CopyOnWriteArrayList<>();

    TraceCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the trace collector's port", e);
        }
        server.createContext("/v1/traces", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                exports.add(body.readAllBytes());
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    /** The OTLP/HTTP endpoint to give the services ({@code OTEL_EXPORTER_OTLP_ENDPOINT}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whether {@code service} exported a span of the trace {@code traceIdHex}. */
    boolean exported(String service, String traceIdHex) {
        byte[] traceId = HexFormat.of().parseHex(traceIdHex);
        byte[] name = service.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return exports.stream().anyMatch(body -> contains(body, traceId) && contains(body, name));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
