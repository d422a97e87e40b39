package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SSRF guard refuses inward addresses however they are spelled or resolved. */
class OutboundUrlGuardTest {

    /** A resolver with fixed answers: names map to literal addresses; literals resolve to themselves. */
    private static OutboundUrlGuard.Resolver fixed(Map<String, String> names) {
        return host -> {
            String address = names.getOrDefault(host, host);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new UnknownHostException(host);
            }
            return List.of(InetAddress.getByName(address));
        };
    }

    /** This machine, as the guard sees it in these tests: a public interface address and a public gateway. */
    private static final HostAddresses HOST = () -> new HostAddresses.Snapshot(
            Set.of(address("127.0.0.1"), address("93.184.216.34"), address("2a00:1450:4001:82a::200e")),
            Set.of(address("81.2.69.1"), address("2a00:1450:4001::1")));

    private final OutboundUrlGuard guard = new OutboundUrlGuard(List.of(), fixed(Map.of(
            "internal.example.com", "10.1.2.3",
            "public.example.com", "93.184.215.14",
            "rebind.example.com", "169.254.169.254",
            "metadata6.example.com", "fd00:ec2::254",
            "nat64.example.com", "64:ff9b::a9fe:a9fe",
            "self.example.com", "93.184.216.34",
            "benchmark.example.com", "198.18.0.1")), HOST);

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refused(String url, String why) {
        assertThatThrownBy(() -> guard.check(url)).as(url)
                .isInstanceOf(OutboundUrlGuard.Refused.class).hasMessageContaining(why);
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataAreRefused() {
        refused("http://127.0.0.1/hook", "loopback");
        refused("http://127.1.2.3:8080/hook", "loopback");
        refused("http://[::1]/hook", "loopback");
        refused("http://169.254.169.254/latest/meta-data", "link-local");
        refused("http://[fe80::1]/", "link-local");
        refused("http://10.0.0.7/", "private");
        refused("http://172.16.5.4/", "private");
        refused("http://192.168.1.1/", "private");
        refused("http://[fc00::1]/", "private");
        refused("http://[fd00:ec2::254]/", "private");
        refused("http://0.0.0.0/", "unspecified");
        refused("http://[::]/", "unspecified");
        refused("http://224.0.0.1/", "multicast");
        refused("http://[::ffff:127.0.0.1]/", "loopback");
        refused("http://100.64.0.1/", "private");
    }

    @Test
    void aHostNameThatResolvesInwardIsRefused() {
        refused("https://internal.example.com/hook", "private");
        refused("https://rebind.example.com/hook", "link-local");
        refused("https://metadata6.example.com/hook", "private");
        refused("https://nat64.example.com/hook", "link-local");
        refused("https://self.example.com/hook", "this host's own");
        refused("https://benchmark.example.com/hook", "benchmark");
    }

    @Test
    void everyIpv6FormEmbeddingAnInwardIpv4AddressIsRefusedByThatAddress() {
        refused("http://[::127.0.0.1]/", "loopback"); // IPv4-compatible
        refused("http://[::10.0.0.1]/", "private");
        refused("http://[::ffff:127.0.0.1]/", "loopback"); // IPv4-mapped
        refused("http://[::ffff:a9fe:a9fe]/", "link-local");
        refused("http://[::ffff:0:127.0.0.1]/", "loopback"); // SIIT
        refused("http://[64:ff9b::7f00:1]/", "loopback"); // NAT64 well-known prefix
        refused("http://[64:ff9b::10.1.2.3]/", "private");
        refused("http://[64:ff9b:1::7f00:1]/", "private"); // local-use NAT64, refused whole
        refused("http://[64:ff9b:1:ffff::1]/", "private");
        refused("http://[2002:7f00:1::]/", "loopback"); // 6to4
        refused("http://[2002:a9fe:a9fe::1]/", "link-local");
        refused("http://[2002:c0a8:101::]/", "private");
        // Teredo: the client address is stored bit-inverted: ~127.0.0.1 = 80ff:fffe
        refused("http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/", "loopback");
        refused("http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", "private"); // ~10.0.0.1
        refused("http://[2001:0:a00:1::1]/", "private"); // the server address 10.0.0.1
    }

    @Test
    void specialPurposeRangesAreRefused() {
        refused("http://[100::1]/", "discard");
        refused("http://[100::ffff:1]/", "discard");
        refused("http://198.18.0.1/", "benchmark");
        refused("http://198.19.255.254/", "benchmark");
        refused("http://[2001:2::1]/", "benchmark");
        refused("http://[2001:db8::1]/", "documentation");
        refused("http://[2001:db8:ffff::1]/", "documentation");
        refused("http://[3fff::1]/", "documentation");
        refused("http://192.0.0.8/", "reserved");
        refused("http://192.0.2.1/", "documentation");
        refused("http://198.51.100.7/", "documentation");
        refused("http://203.0.113.9/", "documentation");
        refused("http://240.0.0.1/", "reserved");
        refused("http://255.255.255.255/", "reserved");
        refused("http://100.64.0.1/", "private");
        refused("http://100.127.255.254/", "private");
        refused("http://224.0.0.1/", "multicast");
        refused("http://239.255.255.250/", "multicast");
        refused("http://[ff02::1]/", "multicast");
        refused("http://[ff0e::1]/", "multicast");
        refused("http://0.1.2.3/", "unspecified");
        refused("http://[fec0::1]/", "private");
        refused("http://[::1:0:0:1]/", "reserved");
        refused("http://[::2]/", "unspecified"); // IPv4-compatible 0.0.0.2
    }

    @Test
    void thisHostsOwnAddressesAndGatewaysAreRefusedInEveryForm() {
        refused("http://93.184.216.34/", "this host's own");
        refused("http://[2a00:1450:4001:82a::200e]/", "this host's own");
        refused("http://81.2.69.1/", "gateway");
        refused("http://[2a00:1450:4001::1]/", "gateway");
        refused("http://[64:ff9b::5db8:d822]/", "this host's own"); // NAT64 of 93.184.216.34
        refused("http://[2002:5102:4501::1]/", "gateway"); // 6to4 of 81.2.69.1
    }

    @Test
    void whenTheHostsAddressesCannotBeReadEveryHostOutsideTheAllowListIsRefused() throws Exception {
        OutboundUrlGuard blind = new OutboundUrlGuard(List.of("localhost"), fixed(Map.of("localhost", "127.0.0.1")),
                () -> {
                    throw new java.io.IOException("no routing table");
                });
        assertThatThrownBy(() -> blind.check("http://8.8.8.8/")).isInstanceOf(OutboundUrlGuard.Refused.class)
                .hasMessageContaining("cannot be determined");
        assertThat(blind.check("http://localhost:9/hook").isLoopbackAddress()).isTrue();
    }

    @Test
    void numericIpv4SpellingsOtherThanDottedDecimalAreRefused() {
        refused("http://2130706433/", "loopback"); // decimal 127.0.0.1
        refused("http://0x7f.1/", "loopback"); // hex and short form
        refused("http://017700000001/", "loopback"); // octal
        refused("http://0177.0.0.1/", "loopback");
        refused("http://0x7f000001/", "loopback");
        refused("http://127.1/", "loopback");
        refused("http://127.0.1/", "loopback");
        refused("http://0xa9.0xfe.0xa9.0xfe/", "link-local");
        refused("http://167772161/", "private"); // 10.0.0.1
        refused("http://0/", "unspecified");
        refused("http://134744072/", "ambiguous"); // 8.8.8.8, public but spelled so that parsers disagree
        refused("http://010.8.8.8/", "ambiguous"); // octal 8.8.8.8 or decimal 10.8.8.8
        refused("http://127.0.0.1./", "loopback");
        refused("http://1.2.3.4.5/", "not a valid IPv4");
        refused("http://256.1.1.1/", "not a valid IPv4");
        refused("http://09.1.1.1/", "not a valid IPv4");
        refused("http://user@0x7f.1/", "credentials");
    }

    @Test
    void inetAtonReadsAsTheCLibraryDoes() {
        assertThat(OutboundUrlGuard.inetAton("2130706433").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(OutboundUrlGuard.inetAton("0x7f.1").getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(OutboundUrlGuard.inetAton("10.0x10203").getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(OutboundUrlGuard.inetAton("192.168.0x101").getHostAddress()).isEqualTo("192.168.1.1");
        assertThat(OutboundUrlGuard.inetAton("4294967296")).isNull();
        assertThat(OutboundUrlGuard.inetAton("1.256.1")).isNull();
    }

    @Test
    void publicHostsPassAndTheApprovedAddressIsReturned() throws Exception {
        assertThat(guard.check("https://public.example.com/hook").getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(guard.check("http://8.8.8.8/x").getHostAddress()).isEqualTo("8.8.8.8");
        assertThat(guard.check("http://[2606:4700:4700::1111]/x").getHostAddress()).isEqualTo("2606:4700:4700:0:0:0:0:1111");
        // Global addresses next to the refused ranges stay callable.
        assertThat(guard.check("http://198.20.0.1/").getHostAddress()).isEqualTo("198.20.0.1");
        assertThat(guard.check("http://100.128.0.1/").getHostAddress()).isEqualTo("100.128.0.1");
        assertThat(guard.check("http://[2002:808:808::1]/").getHostAddress()).isEqualTo("2002:808:808:0:0:0:0:1");
        assertThat(guard.check("http://[64:ff9b::808:808]/").getHostAddress()).isEqualTo("64:ff9b:0:0:0:0:808:808");
    }

    @Test
    void malformedOrOtherSchemesAreRefused() {
        refused("ftp://public.example.com/", "http");
        refused("file:///etc/passwd", "http");
        refused("http://user:pw@public.example.com/", "credentials");
        refused("not a url", "URL");
        refused("http://unknown.invalid/", "resolve");
    }

    @Test
    void theAllowListExemptsAHost() throws Exception {
        OutboundUrlGuard allowing = new OutboundUrlGuard(List.of("127.0.0.1", "localhost"), fixed(Map.of(
                "localhost", "127.0.0.1")), HOST);
        assertThat(allowing.check("http://127.0.0.1:9999/hook").isLoopbackAddress()).isTrue();
        assertThat(allowing.check("http://localhost:9999/hook").isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> allowing.check("http://[::1]/")).isInstanceOf(OutboundUrlGuard.Refused.class);
    }
}
