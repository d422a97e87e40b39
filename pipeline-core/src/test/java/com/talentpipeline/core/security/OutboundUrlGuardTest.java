package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
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

    private final OutboundUrlGuard guard = new OutboundUrlGuard(List.of(), fixed(Map.of(
            "internal.example.com", "10.1.2.3",
            "public.example.com", "93.184.215.14",
            "rebind.example.com", "169.254.169.254",
            "metadata6.example.com", "fd00:ec2::254")));

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
    }

    @Test
    void publicHostsPassAndTheApprovedAddressIsReturned() throws Exception {
        assertThat(guard.check("https://public.example.com/hook").getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(guard.check("http://8.8.8.8/x").getHostAddress()).isEqualTo("8.8.8.8");
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
                "localhost", "127.0.0.1")));
        assertThat(allowing.check("http://127.0.0.1:9999/hook").isLoopbackAddress()).isTrue();
        assertThat(allowing.check("http://localhost:9999/hook").isLoopbackAddress()).isTrue();
        assertThatThrownBy(() -> allowing.check("http://[::1]/")).isInstanceOf(OutboundUrlGuard.Refused.class);
    }
}
