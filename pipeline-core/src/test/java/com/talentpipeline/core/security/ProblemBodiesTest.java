package com.talentpipeline.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Netty's own refusals leave the channel with a problem+json body; everything else passes as written. */
class ProblemBodiesTest {

    @Test
    void anEmpty431Or414GetsAProblemBody() {
        for (HttpResponseStatus status : new HttpResponseStatus[] {HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                HttpResponseStatus.REQUEST_URI_TOO_LONG, HttpResponseStatus.REQUEST_TIMEOUT}) {
            EmbeddedChannel channel = new EmbeddedChannel(ProblemBodies.INSTANCE);
            channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status));
            FullHttpResponse out = channel.readOutbound();
            String body = out.content().toString(StandardCharsets.UTF_8);
            assertThat(out.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/problem+json");
            assertThat(out.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(out.content().readableBytes());
            assertThat(body).contains("\"status\":" + status.code()).contains("\"code\":");
            out.release();
        }
    }

    @Test
    void responsesWithABodyOrOtherStatusesAreUntouched() {
        EmbeddedChannel channel = new EmbeddedChannel(ProblemBodies.INSTANCE);
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
        FullHttpResponse noContent = channel.readOutbound();
        assertThat(noContent.content().readableBytes()).isZero();
        assertThat(noContent.headers().contains(HttpHeaderNames.CONTENT_TYPE)).isFalse();
        DefaultFullHttpResponse typed = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST);
        typed.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");
        channel.writeOutbound(typed);
        FullHttpResponse out = channel.readOutbound();
        assertThat(out.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain");
    }
}
