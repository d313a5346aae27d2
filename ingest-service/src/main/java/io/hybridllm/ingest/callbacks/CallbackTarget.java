package io.hybridllm.ingest.callbacks;

import java.net.InetAddress;
import java.net.URI;

/**
 * A callback URL that may be called, and the address its host resolved to when it was checked. The delivery connects to
 * that address, sending the URL's host in {@code Host} and TLS SNI, so that a name resolving elsewhere a moment later
 * (DNS rebinding) cannot turn a checked public address into a private one.
 */
public record CallbackTarget(URI uri, InetAddress address) {

    public boolean tls() {
        return "https".equals(uri.getScheme());
    }

    public int port() {
        return uri.getPort() != -1 ? uri.getPort() : tls() ? 443 : 80;
    }

    /** The request target: path and query as the client wrote them, {@code /} when there is no path. */
    public String pathAndQuery() {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
