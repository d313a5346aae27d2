package io.hybridllm.ingest.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressClassesTest {

    @ParameterizedTest
    @CsvSource({ "127.0.0.1, loopback", "127.255.0.9, loopback", "0.0.0.0, any-local", "0.1.2.3, any-local",
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "100.64.0.1, carrier-grade NAT", "169.254.169.254, link-local", "224.0.0.1, multicast",
            "239.255.255.250, multicast", "255.255.255.255, broadcast", "::, any-local", "::1, loopback",
            "fe80::1, link-local", "fc00::1, private", "fd12:3456::1, private", "fec0::1, site-local",
            "ff02::1, multicast", "192.0.0.8, special-purpose", "192.0.2.1, documentation",
            "198.51.100.7, documentation", "203.0.113.9, documentation", "198.18.0.1, benchmarking",
            "198.19.255.255, benchmarking", "192.88.99.1, 6to4 relay", "240.0.0.1, reserved",
            "2001:db8::1, documentation", "3fff::1, documentation", "100::1, discard-only", "2001::1, Teredo",
            "2001:20::1, IETF protocol", "64:ff9b:1::1, local-use NAT64", "5f00::1, segment-routing" })
    void nonPublicAddressesAreNamed(String address, String why) throws UnknownHostException {
        assertThat(AddressClasses.nonPublic(InetAddress.getByName(address)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(why));
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "192.169.0.1", "1.1.1.1",
            "192.0.1.1", "198.17.255.1", "198.20.0.1", "203.0.114.1", "2001:4860:4860::8888", "2606:4700::1111",
            "2001:200::1", "2002:808:808::1" })
    void publicAddressesPass(String address) throws UnknownHostException {
        assertThat(AddressClasses.nonPublic(InetAddress.getByName(address))).isEmpty();
    }

    /** Built as IPv6 objects: the JDK would otherwise turn a mapped address into its IPv4 one before the check. */
    @ParameterizedTest
    @CsvSource({ "00000000000000000000ffff7f000001, loopback", "00000000000000000000ffffa9fea9fe, link-local",
            "00000000000000000000ffff0a000001, private", "0000000000000000000000007f000001, loopback",
            "0064ff9b0000000000000000c0a80001, private", "20020a00000100000000000000000000, private",
            "2002a9fea9fe00000000000000000001, link-local", "0000000000000000ffff00007f000001, loopback" })
    void ipv4InsideIpv6IsJudgedAsTheIpv4Address(String hex, String why) throws UnknownHostException {
        InetAddress address = Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1);
        assertThat(AddressClasses.nonPublic(address))
                .hasValueSatisfying(reason -> assertThat(reason).contains(why).contains("inside the IPv6 address"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "00000000000000000000ffff08080808", "0064ff9b000000000000000001010101" })
    void aPublicIpv4InsideIpv6Passes(String hex) throws UnknownHostException {
        assertThat(AddressClasses.nonPublic(Inet6Address.getByAddress(null, HexFormat.of().parseHex(hex), -1)))
                .isEmpty();
    }
}
