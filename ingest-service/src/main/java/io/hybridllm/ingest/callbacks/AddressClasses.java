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
 * internal network (server-side request forgery). Every range of IANA's special-purpose registries (IPv4 and IPv6) that
 * is not globally reachable unicast is refused. IPv4 addresses written inside IPv6 ones (mapped {@code ::ffff:a.b.c.d},
 * translated {@code ::ffff:0:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4
 * {@code 2002:aabb:ccdd::}) are judged as the IPv4 address they reach; Teredo ({@code 2001::/32}, an obfuscated tunnel)
 * is refused with the rest of {@code 2001::/23}.
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
        return ipv6(bytes);
    }

    private static Optional<String> ipv6(byte[] b) {
        int w0 = word(b, 0);
        int w1 = word(b, 1);
        if (w0 == 0x2001 && w1 < 0x200) {
            return Optional.of("a special-purpose address (IETF protocol assignments 2001::/23, Teredo included)");
        }
        if (w0 == 0x2001 && w1 == 0xdb8 || (w0 & 0xfff0) == 0x3ff0) {
            return Optional.of("a documentation address (2001:db8::/32, 3fff::/20)");
        }
        if (w0 == 0x100 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0) {
            return Optional.of("a discard-only address (100::/64)");
        }
        if (w0 == 0x64 && w1 == 0xff9b && word(b, 2) == 1) {
            return Optional.of("a local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (w0 == 0x5f00) {
            return Optional.of("a segment-routing address (5f00::/16)");
        }
        if (w0 == 0 && w1 == 0 && word(b, 2) == 0 && word(b, 3) == 0) {
            return Optional.of("a reserved address (::/64 not mapping IPv4)");
        }
        return Optional.empty();
    }

    private static int word(byte[] bytes, int index) {
        return (bytes[2 * index] & 0xff) << 8 | (bytes[2 * index + 1] & 0xff);
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
        int c = bytes[2] & 0xff;
        if (a == 192 && b == 0 && (c == 0 || c == 2) || a == 198 && b == 51 && c == 100
                || a == 203 && b == 0 && c == 113) {
            return Optional.of("a special-purpose address (192.0.0.0/24, or documentation: 192.0.2.0/24,"
                    + " 198.51.100.0/24, 203.0.113.0/24)");
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if (a == 192 && b == 88 && c == 99) {
            return Optional.of("a 6to4 relay anycast address (192.88.99.0/24)");
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
        boolean translated = Arrays.equals(v6, 0, 8, new byte[8], 0, 8) && v6[8] == (byte) 0xff && v6[9] == (byte) 0xff
                && v6[10] == 0 && v6[11] == 0;
        boolean nat64 = Arrays.equals(v6, 0, 12, NAT64_PREFIX, 0, 12);
        boolean sixToFour = v6[0] == 0x20 && v6[1] == 0x02;
        if (!(mapped || translated || compatible || nat64 || sixToFour)) {
            return Optional.empty();
        }
        int from = sixToFour ? 2 : 12;
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(v6, from, from + 4)));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    private AddressClasses() {
    }
}
