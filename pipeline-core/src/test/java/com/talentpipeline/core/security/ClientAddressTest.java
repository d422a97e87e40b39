package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressTest {

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/v1/tasks")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        for (String value : forwardedFor) {
            request.header("X-Forwarded-For", value);
        }
        return request.build();
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress address = new ClientAddress(List.of());
        assertThat(address.of(from("203.0.113.7", "6.6.6.6")).getHostAddress()).isEqualTo("203.0.113.7");
    }

    @Test
    void fromATrustedProxyTheLastForwardedHopIsTheClient() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8", "127.0.0.1"));
        // A client's own X-Forwarded-For comes first; the proxy appends what it saw.
        assertThat(address.of(from("10.1.2.3", "6.6.6.6, 198.51.100.9")).getHostAddress()).isEqualTo("198.51.100.9");
        assertThat(address.of(from("127.0.0.1", "198.51.100.10")).getHostAddress()).isEqualTo("198.51.100.10");
        assertThat(address.of(from("10.1.2.3")).getHostAddress()).as("no header: the proxy itself").isEqualTo("10.1.2.3");
    }

    @Test
    void aPeerOutsideTheBlocksCannotChooseItsAddress() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));
        assertThat(address.of(from("11.0.0.1", "10.9.9.9")).getHostAddress()).isEqualTo("11.0.0.1");
        assertThat(address.of(from("10.1.2.3", "not-an-address.example")).getHostAddress())
                .as("a name is not an address").isEqualTo("10.1.2.3");
    }

    @Test
    void badBlocksAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.internal"))).isInstanceOf(IllegalArgumentException.class);
    }
}
