package io.hybridllm.ingest.callbacks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses a callback must not reach unless the operator allows private networks: a callback URL is chosen by a
 * client, so without this check ingest could be made to POST to its own host, its cloud's metadata service or the
 * internal network (server-side request forgery). IPv4 addresses written inside IPv6 ones (mapped
 * {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}) are judged as the IPv4 address
 * they reach.
 */
public final class AddressClasses {

    private static final byte[] NAT64_PREFIX = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

    /** Why {@code address} is not a public unicast address, or empty when it is one. */
    public static Optional<String> nonPublic(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            Optional<Inet4Address> embedded = embeddedIpv4(v6.getAddress());
            if (embedded.isPresent()) {
                return nonPublic(embedded.get())
                        .map(why -> why + " (inside the IPv6 address " + v6.getHostAddress() + ")");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an any-local (unspecified) address");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local address (such as a cloud metadata service)");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(bytes);
        }
        int first = bytes[0] & 0xff;
        if ((first & 0xfe) == 0xfc || address.isSiteLocalAddress()) {
            return Optional.of("a private address (unique local or site-local IPv6)");
        }
        return Optional.empty();
    }

    private static Optional<String> ipv4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        if (a == 0) {
            return Optional.of("an any-local address (0.0.0.0/8, this network)");
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return Optional.of("a private address (RFC 1918)");
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return Optional.of("a private address (carrier-grade NAT, 100.64.0.0/10)");
        }
        if (a >= 240) {
            return Optional.of("a reserved or broadcast address");
        }
        return Optional.empty();
    }

    private static Optional<Inet4Address> embeddedIpv4(byte[] v6) {
        boolean zeroTen = Arrays.equals(v6, 0, 10, new byte[10], 0, 10);
        boolean mapped = zeroTen && v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
        // ::a.b.c.d, except :: and ::1, which are IPv6's own any-local and loopback.
        boolean compatible = zeroTen && v6[10] == 0 && v6[11] == 0
                && !(v6[12] == 0 && v6[13] == 0 && v6[14] == 0 && (v6[15] == 0 || v6[15] == 1));
        boolean nat64 = Arrays.equals(v6, 0, 12, NAT64_PREFIX, 0, 12);
        if (!(mapped || compatible || nat64)) {
            return Optional.empty();
        }
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, 12, 16)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private AddressClasses() {
    }
}
