package com.talentpipeline.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.talentpipeline.core.security.HostAddresses;
import com.talentpipeline.core.security.OutboundUrlGuard;
import com.talentpipeline.core.web.ApiProblemException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** A per-task callbackUrl passes the same SSRF guard as a webhook, at submission: 400 url_not_allowed. */
class CallersTest {

    private static final OutboundUrlGuard GUARD = new OutboundUrlGuard(List.of(), host -> {
        if (!host.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(host);
        }
        return List.of(InetAddress.getByName(host));
    }, () -> new HostAddresses.Snapshot(Set.of(InetAddress.getByName("93.184.216.34")),
            Set.of(InetAddress.getByName("81.2.69.1"))));

    private final Callers callers = new Callers(GUARD);

    private static MockServerWebExchange withCallback(String url) {
        // The header form: the query form is read the same way, and a header needs no URL encoding here.
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.post("/v1/resumes").header("X-Callback-Url", url));
        // As the access filter leaves it: the request's tenant is set before any handler reads it.
        exchange.getAttributes().put(com.talentpipeline.core.tenant.RequestTenant.ATTRIBUTE, "tenant-x");
        return exchange;
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::127.0.0.1]/", "http://[::ffff:127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
            "http://[64:ff9b:1::a00:1]/", "http://[2002:7f00:1::]/", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
            "http://[100::1]/", "http://198.18.0.1/", "http://[2001:db8::1]/", "http://192.0.0.1/",
            "http://192.0.2.1/", "http://198.51.100.1/", "http://203.0.113.1/", "http://240.0.0.1/",
            "http://100.64.0.1/", "http://224.0.0.251/", "http://0.0.0.1/", "http://93.184.216.34/",
            "http://81.2.69.1/", "http://2130706433/", "http://0x7f.1/", "http://017700000001/"})
    void inwardCallbackUrlsAreRefusedAtSubmission(String url) {
        assertThatThrownBy(() -> callers.client(withCallback(url), null).block()).as(url)
                .isInstanceOfSatisfying(ApiProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.code()).isEqualTo("url_not_allowed");
                    assertThat(e.getMessage()).containsAnyOf("resolves to a", "ambiguous");
                });
    }

    @Test
    void aPublicCallbackUrlIsKept() {
        assertThat(callers.client(withCallback("https://8.8.8.8/hook"), null).block().callbackUrl())
                .isEqualTo("https://8.8.8.8/hook");
    }
}
