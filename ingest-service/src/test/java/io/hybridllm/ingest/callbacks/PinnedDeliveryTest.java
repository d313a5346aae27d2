package io.hybridllm.ingest.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.vertx.core.Vertx;

/**
 * A delivery connects to the address its URL's host resolved to when it was checked, whatever the name resolves to
 * later (DNS rebinding): the name is looked up once per check, every address of it must be public, and the call goes to
 * the checked one with the name in {@code Host}.
 */
class PinnedDeliveryTest {

    private static final byte[] PUBLIC = { 93, (byte) 184, (byte) 215, 14 };

    private Vertx vertx;
    private HttpServer receiver;
    private final AtomicReference<String> host = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    @Test
    void theCallGoesToTheCheckedAddressWithTheNameAsHost() throws Exception {
        // The name does not resolve at all here: only the pinned address can have been used.
        String name = "hooks.rebind.invalid";
        int port = receiver.getAddress().getPort();
        CallbackTarget target = new CallbackTarget(URI.create("http://" + name + ":" + port + "/hook"),
                InetAddress.getLoopbackAddress());
        PinnedPoster poster = new PinnedPoster(vertx, Duration.ofSeconds(5));

        int status = poster.post(target, Map.of("Content-Type", "application/json"), "{\"ok\":true}").get(10,
                TimeUnit.SECONDS);

        assertThat(status).isEqualTo(204);
        assertThat(host.get()).isEqualTo(name + ":" + port);
        assertThat(body.get()).isEqualTo("{\"ok\":true}");
        poster.close();
    }

    @Test
    void theNameIsResolvedOnceAndTheCheckedAddressIsKept() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        CallbackTargets targets = new CallbackTargets(false, name -> {
            lookups.incrementAndGet();
            return new InetAddress[] { InetAddress.getByAddress(name, PUBLIC) };
        });

        CallbackTarget target = targets.check("https://hooks.example.org/hook?x=1");

        assertThat(lookups).hasValue(1);
        assertThat(target.address().getAddress()).isEqualTo(PUBLIC);
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.tls()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/hook?x=1");
    }

    @Test
    void aNameWithAnyPrivateAddressIsRefused() {
        CallbackTargets targets = new CallbackTargets(false, name -> new InetAddress[] {
                InetAddress.getByAddress(name, PUBLIC), InetAddress.getByAddress(name, new byte[] { 10, 0, 0, 7 }) });

        assertThatThrownBy(() -> targets.check("https://hooks.example.org/hook"))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("resolves to 10.0.0.7")
                .hasMessageContaining("a private address");
    }

    @Test
    void aNameThatDoesNotResolveIsRefused() {
        CallbackTargets targets = new CallbackTargets(true, name -> {
            throw new UnknownHostException(name);
        });

        assertThatThrownBy(() -> targets.check("https://nowhere.invalid/hook"))
                .isInstanceOf(InvalidMessageException.class).hasMessageContaining("does not resolve");
    }
}
