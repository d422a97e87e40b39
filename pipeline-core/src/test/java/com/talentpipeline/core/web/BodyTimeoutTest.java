package com.talentpipeline.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** A request body that stops arriving is the client's 408, not a logged 500. */
class BodyTimeoutTest {

    @Test
    void nettysReadTimeoutAnywhereInTheCauseChainIs408() {
        RuntimeException wrapped = new IllegalStateException("decoding failed", ReadTimeoutException.INSTANCE);
        assertThat(ProblemDetailsAdvice.isBodyTimeout(wrapped)).isTrue();
        assertThat(ProblemDetailsAdvice.isBodyTimeout(new IllegalStateException("boom"))).isFalse();
        var response = new ProblemDetailsAdvice().unexpected(wrapped);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.REQUEST_TIMEOUT);
        assertThat(response.getHeaders().getFirst("Connection")).isEqualTo("close");
        assertThat(response.getBody().getProperties()).containsEntry("code", "request_timeout");
    }
}
