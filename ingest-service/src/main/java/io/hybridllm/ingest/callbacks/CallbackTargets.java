package io.hybridllm.ingest.callbacks;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.hybridllm.contracts.json.InvalidMessageException;
import io.hybridllm.ingest.config.IngestConfig;

/**
 * Whether a callback URL may be called: an absolute http(s) URL without credentials, whose host resolves only to public
 * addresses (see {@link AddressClasses}) unless {@code hybrid.ingest.callbacks.allow-private-networks} is set. Checked
 * when a request is submitted and again before every delivery, since a name may resolve elsewhere by then (DNS
 * rebinding); the delivery then connects to the address this check resolved ({@link CallbackTarget}), never resolving
 * the name again.
 */
@ApplicationScoped
public class CallbackTargets {

    private static final int MAX_LENGTH = 2048;

    /** Looks a host name up: every address it has. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    public CallbackTargets(IngestConfig config) {
        this(config.callbacks().allowPrivateNetworks(), InetAddress::getAllByName);
    }

    CallbackTargets(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    /**
     * The URL and the address to connect to for it.
     *
     * @throws InvalidMessageException
     *             naming {@code callback_url} and why it may not be called
     */
    public CallbackTarget check(String url) {
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
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw refused("its host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw refused("its host " + host + " does not resolve");
        }
        if (!allowPrivate) {
            // Every address is checked: a client would otherwise pick the private one of a mixed answer.
            for (InetAddress address : addresses) {
                AddressClasses.nonPublic(address).ifPresent(why -> {
                    throw refused("its host " + host + " resolves to " + address.getHostAddress() + ", " + why
                            + "; callbacks go only to public addresses"
                            + " (hybrid.ingest.callbacks.allow-private-networks=true allows private ones)");
                });
            }
        }
        return new CallbackTarget(uri, addresses[0]);
    }

    private static InvalidMessageException refused(String why) {
        return new InvalidMessageException("callback_url", why);
    }
}
