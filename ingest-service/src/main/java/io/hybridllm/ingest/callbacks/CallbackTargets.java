package io.hybridllm.ingest.callbacks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.config.IngestConfig;

/**
 * Whether a callback URL may be called: an absolute http(s) URL without credentials, whose host resolves only to public
 * addresses (see {@link AddressClasses}) unless {@code hybrid.ingest.callbacks.allow-private-networks} is set. Checked
 * when a request is submitted and again before every delivery, since a name may resolve elsewhere by then (DNS
 * rebinding); the delivery then connects to what this check resolved, as the JVM caches the lookup
 * ({@code networkaddress.cache.ttl}, 30 s).
 */
@ApplicationScoped
public class CallbackTargets {

    private static final int MAX_LENGTH = 2048;

    private final boolean allowPrivate;

    public CallbackTargets(IngestConfig config) {
        this.allowPrivate = config.callbacks().allowPrivateNetworks();
    }

    /**
     * @throws InvalidMessageException
     *             naming {@code callback_url} and why it may not be called
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused("is not a URL: " + e.getReason());
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || url.length() > MAX_LENGTH) {
            throw refused("must be an absolute http or https URL (" + MAX_LENGTH + " characters at most)");
        }
        if (uri.getRawUserInfo() != null) {
            throw refused("must not carry credentials (user:password@host); the callback is signed instead");
        }
        if (!allowPrivate) {
            nonPublic(uri.getHost()).ifPresent(why -> {
                throw refused(why + "; callbacks go only to public addresses"
                        + " (hybrid.ingest.callbacks.allow-private-networks=true allows private ones)");
            });
        }
        return uri;
    }

    private static Optional<String> nonPublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            Optional<String> why = AddressClasses.nonPublic(address);
            if (why.isPresent()) {
                return Optional.of("its host " + host + " resolves to " + address.getHostAddress() + ", " + why.get());
            }
        }
        return Optional.empty();
    }

    private static InvalidMessageException refused(String why) {
        return new InvalidMessageException("callback_url", why);
    }
}
